package dev.leadqualification.command.opportunity;

import dev.leadqualification.command.patching.MergePatch;
import dev.leadqualification.command.ownership.OwnedRecord;
import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.kernel.common.InvalidField;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.opportunity.ChangeOpportunityStage;
import dev.leadqualification.kernel.opportunity.CloseOpportunity;
import dev.leadqualification.kernel.opportunity.CreateOpportunityFromLead;
import dev.leadqualification.kernel.opportunity.NoteTransferred;
import dev.leadqualification.kernel.opportunity.OpportunityClosed;
import dev.leadqualification.kernel.opportunity.AssignOpportunity;
import dev.leadqualification.kernel.opportunity.CreateOpportunityFromLead;
import dev.leadqualification.kernel.opportunity.NoteTransferred;
import dev.leadqualification.kernel.opportunity.OpportunityAssigned;
import dev.leadqualification.kernel.opportunity.OpportunityCreated;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;
import dev.leadqualification.kernel.opportunity.OpportunityEdits;
import dev.leadqualification.kernel.opportunity.OpportunityOutcome;
import dev.leadqualification.kernel.opportunity.OpportunityReopened;
import dev.leadqualification.kernel.opportunity.OpportunityStageChanged;
import dev.leadqualification.kernel.opportunity.OpportunityStatus;
import dev.leadqualification.kernel.opportunity.OpportunityUpdated;
import dev.leadqualification.kernel.opportunity.ReopenOpportunity;
import dev.leadqualification.kernel.opportunity.UpdateOpportunity;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The deal a qualified lead became. The sales process is in the Develop stage from its creation; while open it is
 * edited and moved through Develop, Propose and Close, then closed as won or lost, and may be reopened.
 */
@Aggregate(repository = Opportunity.REPOSITORY)
public class Opportunity extends OwnedRecord {

    /** The bean name of its repository (a fresh-id repository: see the command side's FreshIdRepositories). */
    public static final String REPOSITORY = "opportunityRepository";
    /** A PATCH of an opportunity: any of its editable fields. */
    private static final MergePatch<OpportunityEdits> PATCH = MergePatch.of(OpportunityEdits.class);

    @AggregateIdentifier
    private String opportunityId;
    private String originatingLeadId;
    private final Set<String> noteIds = new HashSet<>();
    private OpportunityDetails details;
    private ProcessStage processStage;
    private OpportunityStatus status;

    protected Opportunity() {
        // for Axon: rebuilt from events
    }

    /**
     * Creates the opportunity and carries the lead's notes onto it. Sent again (saga redelivery), it only
     * transfers the notes not transferred yet: nothing is created twice.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(CreateOpportunityFromLead command) {
        if (opportunityId == null) {
            apply(new OpportunityCreated(command.opportunityId(), command.details(), command.customer(),
                    command.accountId(), command.contactId(), command.originatingLeadId(), ProcessStage.DEVELOP,
                    command.ownerId()));
        } else if (!originatingLeadId.equals(command.originatingLeadId())) {
            throw new DomainRuleViolation("id-conflict",
                    "An opportunity with id " + opportunityId + " already exists for another lead.");
        }
        command.noteIds().stream()
                .filter(noteId -> !noteIds.contains(noteId))
                .forEach(noteId -> apply(new NoteTransferred(command.opportunityId(), noteId,
                        command.originatingLeadId())));
        return command.opportunityId();
    }

    @CommandHandler
    public void handle(UpdateOpportunity command) {
        requireOpen();
        OpportunityEdits edited = PATCH.apply(OpportunityEdits.of(details), command.values(), command.changedFields());
        if (edited.name() == null || edited.name().isBlank()) {
            throw new InvalidField("name", "is required");
        }
        Map<String, Money> amountsSet = new LinkedHashMap<>();
        if (command.changedFields().contains("estimatedValue") && edited.estimatedValue() != null) {
            amountsSet.put("estimatedValue", edited.estimatedValue());
        }
        if (command.changedFields().contains("budgetAmount") && edited.budgetAmount() != null) {
            amountsSet.put("budgetAmount", edited.budgetAmount());
        }
        OpportunityDetails updated = edited.applyTo(details, currencyWith(amountsSet));
        if (!updated.equals(details)) {
            apply(new OpportunityUpdated(opportunityId, updated, Set.copyOf(command.changedFields())));
        }
    }

    /** Any stage after Qualify, forward or back; the same stage again changes nothing. */
    @CommandHandler
    public void handle(ChangeOpportunityStage command) {
        requireOpen();
        if (command.processStage() == ProcessStage.QUALIFY) {
            throw new InvalidField("processStage", "must be DEVELOP, PROPOSE or CLOSE: an opportunity is past the"
                    + " Qualify stage");
        }
        if (command.processStage() != processStage) {
            apply(new OpportunityStageChanged(opportunityId, command.processStage()));
        }
    }

    /**
     * Won: at the actual revenue given, else at the estimated value (none of either: 400). Lost: with a reason and
     * no revenue. Closed on the day given, else today (UTC, by the clock that stamps the event). The process stage stays
     * where the deal was closed.
     */
    @CommandHandler
    public void handle(CloseOpportunity command) {
        requireOpen();
        Money revenue = command.actualRevenue();
        if (command.outcome() == OpportunityOutcome.WON) {
            if (revenue != null) {
                currencyWith(Map.of("actualRevenue", revenue));
            } else if (details.estimatedValue() != null) {
                revenue = details.estimatedValue();
            } else {
                throw new InvalidField("actualRevenue", "is required: the opportunity has no estimated value to take");
            }
        } else {
            if (revenue != null) {
                throw new InvalidField("actualRevenue", "must be absent: a lost opportunity has no revenue");
            }
            if (command.reason() == null || command.reason().isBlank()) {
                throw new InvalidField("reason", "is required: say why the opportunity was lost");
            }
        }
        LocalDate closeDate = command.closeDate() != null ? command.closeDate()
                : LocalDate.ofInstant(GenericEventMessage.clock.instant(), ZoneOffset.UTC);
        apply(new OpportunityClosed(opportunityId, command.outcome(), revenue, closeDate, command.reason()));
    }

    @CommandHandler
    public void handle(ReopenOpportunity command) {
        if (status == OpportunityStatus.OPEN) {
            throw OpportunityRules.alreadyOpen();
        }
        apply(new OpportunityReopened(opportunityId));
    }

    /** Whether the opportunity is still being worked (neither won nor lost). */
    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw OpportunityRules.closed();
        }
    }

    /**
     * The opportunity's currency with {@code amounts} (field name to amount) set: amounts are never converted, so each
     * must be in the opportunity's currency; the first amount of an opportunity without one sets it.
     */
    private String currencyWith(Map<String, Money> amounts) {
        String currency = details.currency();
        for (Map.Entry<String, Money> amount : amounts.entrySet()) {
            if (currency == null) {
                currency = amount.getValue().currency();
            } else if (!currency.equals(amount.getValue().currency())) {
                throw new InvalidField(amount.getKey(), "must be in the opportunity's currency (" + currency
                        + "); amounts are not converted");
            }
        }
        return currency;
    }

    @CommandHandler
    public void handle(AssignOpportunity command) {
        if (isNewOwner(command.ownerId())) {
            apply(new OpportunityAssigned(opportunityId, command.ownerId()));
        }
    }

    @EventSourcingHandler
    void on(OpportunityCreated event) {
        opportunityId = event.opportunityId();
        ownedBy(event.ownerId());
        originatingLeadId = event.originatingLeadId();
        details = event.details();
        processStage = Objects.requireNonNullElse(event.processStage(), ProcessStage.DEVELOP);
        status = OpportunityStatus.OPEN;
    }

    @EventSourcingHandler
    void on(OpportunityUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(OpportunityStageChanged event) {
        processStage = event.processStage();
    }

    @EventSourcingHandler
    void on(OpportunityClosed event) {
        status = event.outcome().status();
    }

    @EventSourcingHandler
    void on(OpportunityReopened event) {
        status = OpportunityStatus.OPEN;
    }

    @EventSourcingHandler
    void on(NoteTransferred event) {
        noteIds.add(event.noteId());
    }
}
