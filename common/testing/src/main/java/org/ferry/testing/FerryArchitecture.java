package org.ferry.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.ferry.registry.RegistryWriter;

/** The architecture rules every module shares; each module's own test adds its particular ones. */
public final class FerryArchitecture {

  /** docker-java stays behind Ferry's own ports: only adapters in {@code ..docker..} import it. */
  public static final ArchRule DOCKER_JAVA_ONLY_IN_DOCKER_PACKAGES =
      noClasses()
          .that()
          .resideOutsideOfPackage("..docker..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.github.dockerjava..")
          .because("docker-java stays behind Ferry's DockerEngine and PushEngine ports");

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
