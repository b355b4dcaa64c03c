package org.ferry.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

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

  /** The production classes (no tests) of the given packages. */
  public static JavaClasses mainClasses(String... packages) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(packages);
  }
}
