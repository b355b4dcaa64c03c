package org.ferry.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.ferry.registry.RegistryWriter;

/**
 * The architecture rules every module shares. A module runs them on its own production classes with
 * {@code @ArchTest static final ArchTests ferry = ArchTests.in(FerryArchitecture.class);} in a
 * class annotated {@code @AnalyzeClasses(packages = "<its root package>", importOptions =
 * ImportOption.DoNotIncludeTests.class)}, and adds its particular rules beside them.
 */
public final class FerryArchitecture {

  /** docker-java stays behind Ferry's own ports: only adapters in {@code ..docker..} import it. */
  @ArchTest
  public static final ArchRule DOCKER_JAVA_ONLY_IN_DOCKER_PACKAGES =
      noClasses()
          .that()
          .resideOutsideOfPackage("..docker..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.github.dockerjava..")
          .because("docker-java stays behind Ferry's DockerEngine and PushEngine ports")
          .allowEmptyShould(true);

  /** The contracts are for any JVM producer: no Spring, no Docker, no messaging client. */
  @ArchTest
  public static final ArchRule CONTRACTS_DEPEND_ON_NO_FRAMEWORK =
      noClasses()
          .that()
          .resideInAnyPackage(
              "org.ferry.contract..",
              "org.ferry.image..",
              "org.ferry.operation..",
              "org.ferry.failure..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "com.github.dockerjava..",
              "com.rabbitmq..",
              "io.micrometer..")
          .because("ferry-contracts must be usable as is by any JVM producer")
          .allowEmptyShould(true);

  /** Packages by capability depend on each other one way only. */
  @ArchTest
  public static final ArchRule NO_PACKAGE_CYCLES =
      slices()
          .matching("org.ferry.(**)")
          .should()
          .beFreeOfCycles()
          .because("a cycle between capabilities means neither can change alone")
          .allowEmptyShould(true);

  /** Only the worker runtime runs operations; the gateway and the watcher never do. */
  @ArchTest
  public static final ArchRule ONLY_WORKERS_RUN_OPERATIONS =
      noClasses()
          .that()
          .resideInAnyPackage("org.ferry.gateway..", "org.ferry.watcher..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.ferry.work..")
          .because("only workers run operations; the gateway and the watcher publish requests")
          .allowEmptyShould(true);

  private FerryArchitecture() {}

  /**
   * A service that only reads the registry (the gateway, the export worker) depends on no type that
   * writes to it: every registry write is reachable only through {@link RegistryWriter} (the write
   * steps themselves are package-private), so it may hold a {@code RegistryReader} and nothing
   * assignable to a writer.
   */
  public static ArchRule onlyReadsTheRegistry(String rootPackage) {
    return noClasses()
        .that()
        .resideInAPackage(rootPackage + "..")
        .should()
        .dependOnClassesThat()
        .areAssignableTo(RegistryWriter.class)
        .because("this service has a pull-only registry account and must never write");
  }

  /** The production classes (no tests) of the given packages. */
  public static JavaClasses mainClasses(String... packages) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(packages);
  }
}
