package dev.leadqualification.kernel.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The published language stays plain: records and enums that depend on the JDK and on each other, never on Spring
 * or Axon's runtime. Of frameworks it names only Jackson's and Bean Validation's annotations and Axon's two (which
 * field of a command names its record, an event's revision).
 */
@AnalyzeClasses(packages = "dev.leadqualification.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedKernelArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("dev.leadqualification.kernel.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noFrameworkButAnnotations = classes().should().onlyDependOnClassesThat(
            resideInAnyPackage("dev.leadqualification.kernel..", "java..", "com.fasterxml.jackson.annotation..",
                    "jakarta.validation..")
                    .or(belongToAnyOf(TargetAggregateIdentifier.class, Revision.class)));
}
