package org.ferry.registry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * ferry-testing's shared rules that apply to the registry client, written out here because
 * ferry-testing depends on ferry-registry and cannot be used by it.
 */
@AnalyzeClasses(
    packages = "org.ferry.registry",
    importOptions = ImportOption.DoNotIncludeTests.class)
class RegistryArchitectureTest {

  @ArchTest
  static final ArchRule noDockerJava =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.github.dockerjava..")
          .because("docker-java stays behind Ferry's DockerEngine port");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.ferry.(**)").should().beFreeOfCycles();
}
