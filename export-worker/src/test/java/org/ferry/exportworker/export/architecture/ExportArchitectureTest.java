package org.ferry.exportworker.export.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.ferry.registry.RegistryReader;
import org.ferry.testing.FerryArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExportArchitectureTest {

  private static JavaClasses worker;

  @BeforeAll
  static void importWorker() {
    worker =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ferry.exportworker.export");
  }

  @Test
  void onlyDockerPackagesImportDockerJava() {
    FerryArchitecture.DOCKER_JAVA_ONLY_IN_DOCKER_PACKAGES.check(worker);
  }

  @Test
  void theUseCaseKnowsNoEngineAndNoRegistry() {
    noClasses()
        .that()
        .resideInAPackage("org.ferry.exportworker.export")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.ferry.exportworker.export.registry..")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(RegistryReader.class)
        .check(worker);
  }

  @Test
  void neverWritesToTheRegistry() {
    FerryArchitecture.onlyReadsTheRegistry("org.ferry.exportworker")
        .check(FerryArchitecture.mainClasses("org.ferry.exportworker"));
  }

  @Test
  void theRegistryRuleCatchesAClassThatHoldsAWriter() {
    // given
    var classes =
        new ClassFileImporter().importClasses(WritesToTheRegistry.class, ReadsTheRegistry.class);

    // when / then
    assertThatThrownBy(
            () -> FerryArchitecture.onlyReadsTheRegistry("org.ferry.exportworker").check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(WritesToTheRegistry.class.getName())
        .hasMessageNotContaining(ReadsTheRegistry.class.getName() + ".");
  }

  @Test
  void theArchiveFormatKnowsNothingOfRegistriesOrMessages() {
    noClasses()
        .that()
        .resideInAPackage("org.ferry.exportworker.export.archive..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.ferry.registry..", "org.ferry.contract..", "org.springframework..")
        .check(worker);
  }

  @Test
  void packagesHaveNoCycles() {
    slices()
        .matching("org.ferry.exportworker.export.(*)..")
        .should()
        .beFreeOfCycles()
        .check(worker);
  }
}
