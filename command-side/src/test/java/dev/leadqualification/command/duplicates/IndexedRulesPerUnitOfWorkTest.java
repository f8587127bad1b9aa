package dev.leadqualification.command.duplicates;

import dev.leadqualification.command.CommandSideTest;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefined;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefinition;
import dev.leadqualification.kernel.duplicates.DuplicateRulePublicationStarted;
import dev.leadqualification.kernel.duplicates.DuplicateRulePublished;
import dev.leadqualification.kernel.duplicates.MatchOperator;
import dev.leadqualification.kernel.duplicates.RuleCondition;
import dev.leadqualification.kernel.duplicates.RuleEntity;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules new records are indexed under, and those a check applies, are read once per unit of work (the lookups
 * handle a transaction's events together; a qualification checks its account and contact), and read again in it
 * when a rule changes there.
 */
class IndexedRulesPerUnitOfWorkTest extends CommandSideTest {

    @Autowired
    DuplicateRules rules;
    @Autowired
    JdbcTemplate jdbc;

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
    void aCheckReadsTheRulesInEffectOnceForTheWholeUnitOfWork() {
        String ruleId = UUID.randomUUID().toString();
        DuplicateRuleDefinition definition = websiteRule();
        rules.on(new DuplicateRuleDefined(ruleId, definition), Instant.now());
        rules.on(new DuplicateRulePublished(ruleId));

        List<Boolean> inEffect = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            boolean first = inEffect(ruleId);
            jdbc.update("UPDATE duplicate_rule_lookup SET status = 'UNPUBLISHED' WHERE rule_id = ?", ruleId);
            return List.of(first, inEffect(ruleId), rules.inEffect(RuleEntity.CONTACT).isEmpty());
        }).getPayload();

        assertThat(inEffect).as("read once in the unit of work")
                .containsExactly(true, true, false);
        assertThat(inEffect(ruleId)).as("outside it, read again").isFalse();
    }

    @Test
    void aDefinitionIsReadAgainWhenItsStoredFormChanges() {
        String ruleId = UUID.randomUUID().toString();
        rules.on(new DuplicateRuleDefined(ruleId, websiteRule()), Instant.now());
        rules.on(new DuplicateRulePublished(ruleId));
        assertThat(definitionOf(ruleId).conditions()).extracting(RuleCondition::field).containsExactly("website");

        jdbc.update("UPDATE duplicate_rule_lookup SET definition = jsonb_set(definition, '{conditions,0,field}',"
                + " '\"phone\"') WHERE rule_id = ?", ruleId);

        assertThat(definitionOf(ruleId).conditions()).extracting(RuleCondition::field).containsExactly("phone");
    }

    private boolean inEffect(String ruleId) {
        return rules.inEffect(RuleEntity.ACCOUNT).stream().anyMatch(rule -> rule.ruleId().equals(ruleId));
    }

    private DuplicateRuleDefinition definitionOf(String ruleId) {
        return rules.inEffect(RuleEntity.ACCOUNT).stream().filter(rule -> rule.ruleId().equals(ruleId))
                .findFirst().orElseThrow().definition();
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
