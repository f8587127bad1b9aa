package dev.leadqualification.command.duplicates;

import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.kernel.common.InvalidField;
import dev.leadqualification.kernel.duplicates.CompleteDuplicateRulePublication;
import dev.leadqualification.kernel.duplicates.DefineDuplicateRule;
import dev.leadqualification.kernel.duplicates.DeleteDuplicateRule;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefined;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefinition;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDeleted;
import dev.leadqualification.kernel.duplicates.DuplicateRulePublicationStarted;
import dev.leadqualification.kernel.duplicates.DuplicateRulePublished;
import dev.leadqualification.kernel.duplicates.DuplicateRuleStatus;
import dev.leadqualification.kernel.duplicates.DuplicateRuleUnpublished;
import dev.leadqualification.kernel.duplicates.MatchOperator;
import dev.leadqualification.kernel.duplicates.PublishDuplicateRule;
import dev.leadqualification.kernel.duplicates.RuleCondition;
import dev.leadqualification.kernel.duplicates.UnpublishDuplicateRule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A duplicate detection rule's life cycle: defined (no effect), publishing (match codes being computed for
 * every existing record), published (in effect), unpublished again, deleted.
 */
@Aggregate
public class DuplicateRule {

    @AggregateIdentifier
    private String ruleId;
    private DuplicateRuleDefinition definition;
    private DuplicateRuleStatus status;

    protected DuplicateRule() {
        // for Axon: rebuilt from events
    }

    /** Defines the rule; the same definition again is a no-op (false), another one under this id a conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(DefineDuplicateRule command) {
        if (ruleId != null) {
            if (!definition.equals(command.definition())) {
                throw new DomainRuleViolation("id-conflict",
                        "A duplicate rule with id " + ruleId + " already exists with another definition.");
            }
            return false;
        }
        check(command.definition());
        apply(new DuplicateRuleDefined(command.ruleId(), command.definition()));
        return true;
    }

    @CommandHandler
    public void handle(PublishDuplicateRule command) {
        if (status == DuplicateRuleStatus.UNPUBLISHED) {
            apply(new DuplicateRulePublicationStarted(ruleId, definition));
        }
    }

    @CommandHandler
    public void handle(CompleteDuplicateRulePublication command) {
        if (status == DuplicateRuleStatus.PUBLISHING) {
            apply(new DuplicateRulePublished(ruleId));
        }
    }

    @CommandHandler
    public void handle(UnpublishDuplicateRule command) {
        if (status != DuplicateRuleStatus.UNPUBLISHED) {
            apply(new DuplicateRuleUnpublished(ruleId));
        }
    }

    @CommandHandler
    public void handle(DeleteDuplicateRule command) {
        apply(new DuplicateRuleDeleted(ruleId));
    }

    /** The conditions must name fields of the rule's entity, and prefix/suffix operators how many characters. */
    private static void check(DuplicateRuleDefinition definition) {
        List<RuleCondition> conditions = definition.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            RuleCondition condition = conditions.get(i);
            if (!definition.entity().fields().contains(condition.field())) {
                throw new InvalidField("conditions[" + i + "].field", "must be one of " + definition.entity().fields()
                        .stream().sorted().toList() + " for " + definition.entity() + " rules");
            }
            boolean needsCharacters = condition.operator() != MatchOperator.EXACT;
            if (needsCharacters && (condition.characters() == null || condition.characters() < 1)) {
                throw new InvalidField("conditions[" + i + "].characters",
                        "is required (at least 1) for " + condition.operator());
            }
        }
    }

    @EventSourcingHandler
    void on(DuplicateRuleDefined event) {
        ruleId = event.ruleId();
        definition = event.definition();
        status = DuplicateRuleStatus.UNPUBLISHED;
    }

    @EventSourcingHandler
    void on(DuplicateRulePublicationStarted event) {
        status = DuplicateRuleStatus.PUBLISHING;
    }

    @EventSourcingHandler
    void on(DuplicateRulePublished event) {
        status = DuplicateRuleStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(DuplicateRuleUnpublished event) {
        status = DuplicateRuleStatus.UNPUBLISHED;
    }

    @EventSourcingHandler
    void on(DuplicateRuleDeleted event) {
        markDeleted();
    }
}
