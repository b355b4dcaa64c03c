package org.ferry.work;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.ferry.testing.FerryArchitecture;

/** Ferry's shared architecture rules, on this module's production classes. */
@AnalyzeClasses(
    packages = {"org.ferry.work"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class FerryArchitectureTest {

  @ArchTest static final ArchTests ferry = ArchTests.in(FerryArchitecture.class);
}
