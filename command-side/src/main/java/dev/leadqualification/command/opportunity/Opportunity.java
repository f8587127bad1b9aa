package dev.leadqualification.command.opportunity;

import dev.leadqualification.command.ownership.OwnedRecord;
import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.opportunity.AssignOpportunity;
import dev.leadqualification.kernel.opportunity.CreateOpportunityFromLead;
import dev.leadqualification.kernel.opportunity.NoteTransferred;
import dev.leadqualification.kernel.opportunity.OpportunityAssigned;
import dev.leadqualification.kernel.opportunity.OpportunityCreated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The deal a qualified lead became. The sales process is in the Develop stage from its creation. */
@Aggregate(repository = Opportunity.REPOSITORY)
public class Opportunity extends OwnedRecord {

    /** The bean name of its repository (a fresh-id repository: see the command side's FreshIdRepositories). */
    public static final String REPOSITORY = "opportunityRepository";

    @AggregateIdentifier
    private String opportunityId;
    private String originatingLeadId;
    private final Set<String> noteIds = new HashSet<>();

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
    }

    @EventSourcingHandler
    void on(NoteTransferred event) {
        noteIds.add(event.noteId());
    }
}
