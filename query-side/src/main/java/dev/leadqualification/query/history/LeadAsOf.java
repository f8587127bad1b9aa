package dev.leadqualification.query.history;

import dev.leadqualification.query.lead.LeadProjection;
import dev.leadqualification.query.lead.LeadViews;
import dev.leadqualification.query.lead.LeadWithNotes;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A lead as it stood at an instant, rebuilt from its events by the lead projection itself, so that a past state
 * is shown exactly as the read model would have shown it then, without a second copy of the projection logic.
 * <p>
 * The trick: in one database transaction that is always rolled back, the lead's rows are deleted from the read
 * tables, its events up to the instant are handed to {@link LeadProjection}'s own event handlers (which write the
 * rows afresh, inside this transaction), and the result is read back with {@link LeadViews#find}. The rollback
 * then restores the current rows: no other reader ever sees the rebuilt state (PostgreSQL shows uncommitted
 * changes to nobody else), and the projection's processor merely waits for the row locks for that moment.
 */
@Component
public class LeadAsOf {

    private final LeadEvents events;
    private final LeadViews leads;
    private final LeadProjection leadProjection;
    private final AnnotationEventHandlerAdapter projection;
    private final TransactionTemplate transactions;

    public LeadAsOf(LeadEvents events, LeadViews leads, LeadProjection projection,
                    PlatformTransactionManager transactionManager) {
        this.events = events;
        this.leads = leads;
        this.leadProjection = projection;
        // Axon's own dispatch to the @EventHandler methods: each gets the payload, sequence number, timestamp and
        // actor from the stored event, exactly as when the processor delivers it.
        this.projection = new AnnotationEventHandlerAdapter(projection);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * The lead with the events stored up to and including {@code asOf} applied (the first events of its history,
     * in order, up to the first one after that instant); empty when it did not exist yet (or not at all).
     */
    public Optional<LeadWithNotes> find(UUID leadId, Instant asOf) {
        return transactions.execute(transaction -> {
            transaction.setRollbackOnly();
            leadProjection.forget(leadId);
            events.of(leadId)
                    .takeWhile(event -> !event.getTimestamp().isAfter(asOf))
                    .forEach(this::project);
            return leads.find(leadId);
        });
    }

    private void project(EventMessage<?> event) {
        try {
            projection.handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The lead projection failed on " + event.getPayloadType().getSimpleName(), e);
        }
    }
}
