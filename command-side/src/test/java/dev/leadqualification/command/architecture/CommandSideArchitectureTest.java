package dev.leadqualification.command.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The command side's shape, as README's architecture section draws it: its packages form no cycle, and the root
 * package only wires them together; aggregates decide
 * on their own state and never reach for the database or the unit of work; controllers only send commands (and read
 * what the command side's own lookups hold through their named ports), never aggregates or JDBC.
 */
@AnalyzeClasses(packages = "dev.leadqualification.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("dev.leadqualification.command.(*)..")
            .should().beFreeOfCycles();

    /** The root package wires the others together; nothing depends on it. */
    @ArchTest
    static final ArchRule nothingDependsOnTheWiring = noClasses()
            .that().resideInAPackage("dev.leadqualification.command.*..")
            .should().dependOnClassesThat().resideInAPackage("dev.leadqualification.command");

    @ArchTest
    static final ArchRule aggregatesNeverTouchTheDatabaseOrTheUnitOfWork = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                    "org.springframework.jdbc..", "org.axonframework.messaging.unitofwork..");

    @ArchTest
    static final ArchRule controllersOnlySendCommands = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAnnotatedWith(Aggregate.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..",
                    "org.springframework.jdbc..", "org.axonframework.eventsourcing..");
}
