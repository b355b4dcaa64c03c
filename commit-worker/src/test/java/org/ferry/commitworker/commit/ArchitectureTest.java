package org.ferry.commitworker.commit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.ferry.testing.FerryArchitecture;
import org.junit.jupiter.api.Test;

/** The rules of the commit worker's shape that review alone would let slip. */
class ArchitectureTest {

  private static final JavaClasses FERRY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ferry");

  private static final JavaClasses WORKER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.ferry.commitworker.commit", "org.ferry.commitworker.reservation");

  @Test
  void onlyDockerAdaptersUseDockerJava() {
    FerryArchitecture.DOCKER_JAVA_ONLY_IN_DOCKER_PACKAGES.check(FERRY);
  }

  @Test
  void reservationsDoNotDependOnTheCommitUseCase() {
    noClasses()
        .that()
        .resideInAPackage("org.ferry.commitworker.reservation..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.ferry.commitworker.commit..")
        .check(WORKER);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("org.ferry.(**)").should().beFreeOfCycles().check(WORKER);
  }
}
