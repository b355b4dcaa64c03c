package org.ferry.watcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static JavaClasses watcher;

  @BeforeAll
  static void importWatcher() {
    watcher =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ferry.watcher");
  }

  @Test
  void theWatcherNeverTalksToDocker() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.github.dockerjava..", "org.ferry.docker..")
        .because("the watcher only checks archives; loading them is the push worker's job")
        .check(watcher);
  }

  @Test
  void theWatcherNeverTalksToTheRegistry() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.ferry.registry..")
        .because("registry writes belong to the push worker")
        .check(watcher);
  }
}
