package dev.leadqualification.query.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.leadqualification.query.readmodel.ProjectionWrites;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The query side's shape, as README's architecture section draws it: its packages form no cycle; the read tables are
 * written only through {@link ProjectionWrites} (which batches a processor's writes and drops a failed handler's);
 * controllers answer queries and never write.
 */
@AnalyzeClasses(packages = "dev.leadqualification.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {

    private static final Set<String> WRITES = Set.of("update", "batchUpdate", "execute");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("dev.leadqualification.query.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule readTablesAreWrittenOnlyThroughTheProjectionsWriter = noClasses()
            .that().doNotBelongToAnyOf(ProjectionWrites.class)
            .should().callMethodWhere(DescribedPredicate.describe("a JDBC write",
                    (JavaMethodCall call) -> WRITES.contains(call.getName())
                            && (call.getTargetOwner().isAssignableTo(JdbcOperations.class)
                            || call.getTargetOwner().isAssignableTo(NamedParameterJdbcOperations.class))));

    @ArchTest
    static final ArchRule controllersOnlyRead = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().belongToAnyOf(ProjectionWrites.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");
}
