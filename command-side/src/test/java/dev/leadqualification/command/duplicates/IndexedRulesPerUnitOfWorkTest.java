package dev.leadqualification.command.duplicates;

import dev.leadqualification.command.CommandSideTest;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefined;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefinition;
import dev.leadqualification.kernel.duplicates.DuplicateRulePublicationStarted;
import dev.leadqualification.kernel.duplicates.MatchOperator;
import dev.leadqualification.kernel.duplicates.RuleCondition;
import dev.leadqualification.kernel.duplicates.RuleEntity;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules new records are indexed under are read once per unit of work (the lookups handle a transaction's
 * events together), and read again in it when a rule changes there.
 */
class IndexedRulesPerUnitOfWorkTest extends CommandSideTest {

    @Autowired
    DuplicateRules rules;

    private static DuplicateRuleDefinition websiteRule() {
        return new DuplicateRuleDefinition("Same website " + UUID.randomUUID(), RuleEntity.ACCOUNT,
                List.of(new RuleCondition("website", MatchOperator.EXACT, null)), null, null);
    }

    private List<String> indexedRuleIds() {
        return rules.indexed(RuleEntity.ACCOUNT).stream().map(DuplicateRules.StoredRule::ruleId).toList();
    }

    @Test
    void aRuleStartingPublicationInTheUnitOfWorkIsIndexedUnderAtOnce() {
        String ruleId = UUID.randomUUID().toString();
        DuplicateRuleDefinition definition = websiteRule();

        List<List<String>> seen = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            List<String> before = indexedRuleIds();
            rules.on(new DuplicateRuleDefined(ruleId, definition), Instant.now());
            List<String> defined = indexedRuleIds();
            rules.on(new DuplicateRulePublicationStarted(ruleId, definition));
            return List.of(before, defined, indexedRuleIds());
        }).getPayload();

        assertThat(seen.get(0)).doesNotContain(ruleId);
        assertThat(seen.get(1)).as("an unpublished rule indexes nothing").doesNotContain(ruleId);
        assertThat(seen.get(2)).contains(ruleId);
    }

    @Test
    void outsideAUnitOfWorkEveryCallReadsTheTable() {
        String ruleId = UUID.randomUUID().toString();
        DuplicateRuleDefinition definition = websiteRule();
        rules.on(new DuplicateRuleDefined(ruleId, definition), Instant.now());
        assertThat(indexedRuleIds()).doesNotContain(ruleId);

        rules.on(new DuplicateRulePublicationStarted(ruleId, definition));

        assertThat(indexedRuleIds()).contains(ruleId);
    }
}
