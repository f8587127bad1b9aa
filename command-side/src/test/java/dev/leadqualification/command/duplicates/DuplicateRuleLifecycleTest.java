package dev.leadqualification.command.duplicates;

import dev.leadqualification.kernel.duplicates.CompleteDuplicateRulePublication;
import dev.leadqualification.kernel.duplicates.DefineDuplicateRule;
import dev.leadqualification.kernel.duplicates.DeleteDuplicateRule;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefined;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefinition;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDeleted;
import dev.leadqualification.kernel.duplicates.DuplicateRulePublicationStarted;
import dev.leadqualification.kernel.duplicates.DuplicateRulePublished;
import dev.leadqualification.kernel.duplicates.DuplicateRuleUnpublished;
import dev.leadqualification.kernel.duplicates.MatchOperator;
import dev.leadqualification.kernel.duplicates.PublishDuplicateRule;
import dev.leadqualification.kernel.duplicates.RuleCondition;
import dev.leadqualification.kernel.duplicates.RuleEntity;
import dev.leadqualification.kernel.duplicates.UnpublishDuplicateRule;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.leadqualification.command.support.DomainMatchers.invalidField;
import static dev.leadqualification.command.support.DomainMatchers.violation;

/** A duplicate rule: defined without effect, published through a background step, unpublished, deleted. */
class DuplicateRuleLifecycleTest {

    private static final String RULE_ID = "5e000000-0000-4000-8000-000000000001";
    private static final DuplicateRuleDefinition SAME_PREFIX = new DuplicateRuleDefinition("Same 6 first letters",
            RuleEntity.ACCOUNT, List.of(new RuleCondition("name", MatchOperator.SAME_FIRST_CHARACTERS, 6)), null, null);
    private static final DuplicateRuleDefined DEFINED = new DuplicateRuleDefined(RULE_ID, SAME_PREFIX);

    private AggregateTestFixture<DuplicateRule> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DuplicateRule.class);
    }

    private static DuplicateRuleDefinition withCondition(RuleEntity entity, RuleCondition condition) {
        return new DuplicateRuleDefinition("rule", entity, List.of(condition), null, null);
    }

    @Test
    void aNewRuleIsDefinedUnpublished() {
        fixture.givenNoPriorActivity()
                .when(new DefineDuplicateRule(RULE_ID, SAME_PREFIX))
                .expectEvents(DEFINED)
                .expectResultMessagePayload(true);
    }

    @Test
    void theSameDefinitionAgainIsANoOpAndAnotherOneUnderTheIdAConflict() {
        fixture.given(DEFINED)
                .when(new DefineDuplicateRule(RULE_ID, SAME_PREFIX))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(DEFINED)
                .when(new DefineDuplicateRule(RULE_ID, withCondition(RuleEntity.ACCOUNT,
                        new RuleCondition("email", MatchOperator.EXACT, null))))
                .expectException(violation("id-conflict"));
    }

    @Test
    void conditionsMustNameAFieldOfTheRulesEntity() {
        fixture.givenNoPriorActivity()
                .when(new DefineDuplicateRule(RULE_ID, withCondition(RuleEntity.CONTACT,
                        new RuleCondition("name", MatchOperator.EXACT, null))))
                .expectException(invalidField("conditions[0].field"))
                .expectNoEvents();
    }

    @Test
    void prefixAndSuffixConditionsNeedHowManyCharacters() {
        for (MatchOperator operator : List.of(MatchOperator.SAME_FIRST_CHARACTERS, MatchOperator.SAME_LAST_CHARACTERS)) {
            fixture.givenNoPriorActivity()
                    .when(new DefineDuplicateRule(RULE_ID, withCondition(RuleEntity.ACCOUNT,
                            new RuleCondition("phone", operator, null))))
                    .expectException(invalidField("conditions[0].characters"))
                    .expectNoEvents();
        }
    }

    @Test
    void publishingStartsInTheBackgroundAndTakesEffectWhenCompleted() {
        fixture.given(DEFINED)
                .when(new PublishDuplicateRule(RULE_ID))
                .expectEvents(new DuplicateRulePublicationStarted(RULE_ID, SAME_PREFIX));
        fixture.given(DEFINED, new DuplicateRulePublicationStarted(RULE_ID, SAME_PREFIX))
                .when(new CompleteDuplicateRulePublication(RULE_ID))
                .expectEvents(new DuplicateRulePublished(RULE_ID));
    }

    @Test
    void publishingAPublishedOrPublishingRuleAgainChangesNothing() {
        fixture.given(DEFINED, new DuplicateRulePublicationStarted(RULE_ID, SAME_PREFIX))
                .when(new PublishDuplicateRule(RULE_ID))
                .expectNoEvents();
        fixture.given(DEFINED, new DuplicateRulePublicationStarted(RULE_ID, SAME_PREFIX), new DuplicateRulePublished(RULE_ID))
                .when(new CompleteDuplicateRulePublication(RULE_ID))
                .expectNoEvents();
    }

    @Test
    void aPublicationCompletedAfterAnUnpublishDoesNotPublish() {
        fixture.given(DEFINED, new DuplicateRulePublicationStarted(RULE_ID, SAME_PREFIX), new DuplicateRuleUnpublished(RULE_ID))
                .when(new CompleteDuplicateRulePublication(RULE_ID))
                .expectNoEvents();
    }

    @Test
    void unpublishingTakesThePublishedRuleOutOfEffectOnce() {
        fixture.given(DEFINED, new DuplicateRulePublicationStarted(RULE_ID, SAME_PREFIX), new DuplicateRulePublished(RULE_ID))
                .when(new UnpublishDuplicateRule(RULE_ID))
                .expectEvents(new DuplicateRuleUnpublished(RULE_ID));
        fixture.given(DEFINED)
                .when(new UnpublishDuplicateRule(RULE_ID))
                .expectNoEvents();
    }

    @Test
    void aDeletedRuleIsGoneForEveryLaterCommand() {
        fixture.given(DEFINED)
                .when(new DeleteDuplicateRule(RULE_ID))
                .expectEvents(new DuplicateRuleDeleted(RULE_ID));
        fixture.given(DEFINED, new DuplicateRuleDeleted(RULE_ID))
                .when(new PublishDuplicateRule(RULE_ID))
                .expectException(AggregateDeletedException.class);
    }
}
