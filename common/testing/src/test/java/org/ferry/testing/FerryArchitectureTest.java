package org.ferry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class FerryArchitectureTest {

  @Test
  void catchesAPackageCycle() {
    // given two packages that use each other
    var classes = new ClassFileImporter().importPackages("org.ferry.testing.cyclefixture");

    // when
    var result = FerryArchitecture.NO_PACKAGE_CYCLES.evaluate(classes);

    // then
    assertThat(result.hasViolation()).isTrue();
  }
}
