package org.ferry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The contracts' rules. They are ferry-testing's FerryArchitecture rules for this module, written
 * out here because ferry-testing depends on ferry-contracts and cannot be used by it.
 */
@AnalyzeClasses(
    packages = {
      "org.ferry.contract",
      "org.ferry.image",
      "org.ferry.operation",
      "org.ferry.failure"
    },
    importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTest {

  @ArchTest
  static final ArchRule dependOnNoFramework =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "com.github.dockerjava..",
              "com.rabbitmq..",
              "io.micrometer..")
          .because("ferry-contracts must be usable as is by any JVM producer");

  @ArchTest
  static final ArchRule dependOnlyOnTheJdkJacksonAndThemselves =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "java..",
              "com.fasterxml.jackson..",
              "org.ferry.contract..",
              "org.ferry.image..",
              "org.ferry.operation..",
              "org.ferry.failure..")
          .because("its README promises Jackson and nothing else");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.ferry.(**)").should().beFreeOfCycles();
}
