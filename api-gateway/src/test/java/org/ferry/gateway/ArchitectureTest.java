package org.ferry.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.ferry.testing.FerryArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway stays thin: no Docker, no registry writes, no worker machinery. */
class ArchitectureTest {

  private static JavaClasses gateway;

  @BeforeAll
  static void importClasses() {
    gateway =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ferry.gateway");
  }

  @Test
  void neverTouchesDocker() {
    noClasses()
        .that()
        .resideInAPackage("org.ferry.gateway..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.github.dockerjava..", "org.ferry.docker..")
        .check(gateway);
  }

  @Test
  void neverWritesToTheRegistry() {
    FerryArchitecture.onlyReadsTheRegistry("org.ferry.gateway").check(gateway);
  }

  @Test
  void neverRunsOperationsItself() {
    noClasses()
        .that()
        .resideInAPackage("org.ferry.gateway..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.ferry.work..")
        .check(gateway);
  }

  @Test
  void capabilitiesDoNotDependOnEachOther() {
    for (var capability :
        new String[] {"push", "export", "delete", "commit", "reservation", "image"}) {
      noClasses()
          .that()
          .resideInAPackage("org.ferry.gateway." + capability + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              java.util.Arrays.stream(
                      new String[] {"push", "export", "delete", "commit", "reservation", "image"})
                  .filter(other -> !other.equals(capability))
                  .map(other -> "org.ferry.gateway." + other + "..")
                  .toArray(String[]::new))
          .check(gateway);
    }
  }
}
