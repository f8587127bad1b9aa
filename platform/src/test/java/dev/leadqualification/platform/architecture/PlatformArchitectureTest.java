package dev.leadqualification.platform.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The platform's packages form no cycle, and the platform knows nothing of the services built on it. */
@AnalyzeClasses(packages = "dev.leadqualification.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("dev.leadqualification.platform.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule independentOfTheServices = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.leadqualification.command..", "dev.leadqualification.query..");
}
