package org.ferry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.ferry.testing.FerryArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PushWorkerArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ferry");
  }

  @Test
  void onlyDockerPackagesImportDockerJava() {
    FerryArchitecture.DOCKER_JAVA_ONLY_IN_DOCKER_PACKAGES.check(classes);
  }

  @Test
  void theListenerAndUseCasesNeverTouchDockerJavaOrTheDockerEngine() {
    noClasses()
        .that()
        .resideInAnyPackage("org.ferry.pushworker.push", "org.ferry.pushworker.delete")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.github.dockerjava..", "org.ferry.docker..", "org.ferry.pushworker.push.docker..")
        .check(classes);
  }

  @Test
  void onlyTheArchiveLibraryParsesTarArchives() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.ferry.archive")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(TarArchiveInputStream.class.getName())
        .because("the one parser of docker save archives, with its checks, is ArchiveEntries")
        .check(classes);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("org.ferry.(**)").should().beFreeOfCycles().check(classes);
  }
}
