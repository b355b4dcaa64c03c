package org.ferry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.ferry.testing.FerryArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CommonArchitectureTest {

  private static JavaClasses common;

  @BeforeAll
  static void importCommon() {
    common =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ferry");
  }

  @Test
  void contractsDependOnlyOnValueTypes() {
    noClasses()
        .that()
        .resideInAnyPackage("org.ferry.contract..", "org.ferry.image..", "org.ferry.operation..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "com.github.dockerjava..",
            "org.ferry.messaging..",
            "org.ferry.registry..",
            "org.ferry.docker..",
            "org.ferry.work..")
        .check(common);
  }

  @Test
  void onlyTheDockerAdapterImportsDockerJava() {
    FerryArchitecture.DOCKER_JAVA_ONLY_IN_DOCKER_PACKAGES.check(common);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("org.ferry.(*)..").should().beFreeOfCycles().check(common);
  }
}
