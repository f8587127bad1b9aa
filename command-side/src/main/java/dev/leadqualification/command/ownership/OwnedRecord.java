package dev.leadqualification.command.ownership;

import dev.leadqualification.kernel.ownership.OwnerAssigned;
import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import java.util.Objects;

/**
 * What every record with an owner shares (the Lead, Account, Contact and Opportunity aggregates extend it): its owner,
 * and the one check of who may change it. Before any handler of an {@link OwnerOnly} command runs, the sender must
 * own the record or be an ADMIN, else 403 {@code not-owner} and nothing happens. The check is made on the aggregate as
 * stored (loaded from the event store, or a cached copy checked against it), and a change of owner that commits in
 * between makes the command's own events lose at the event store's unique key, so it holds with any number of
 * command-side instances.
 * <p>
 * The creation event's handler of the subclass calls {@link #ownedBy}; an assignment is any {@link OwnerAssigned}
 * event, applied here.
 */
public abstract class OwnedRecord {

    private String ownerId;

    @CommandHandlerInterceptor
    void onlyTheOwnerOrAnAdmin(OwnerOnly command, MetaData metaData) {
        Actor.of(metaData).requireMayChange(ownerId);
    }

    /** Whether giving the record to {@code newOwnerId} changes its owner: assigning it to its owner records nothing. */
    protected boolean isNewOwner(String newOwnerId) {
        return !Objects.equals(ownerId, newOwnerId);
    }

    protected void ownedBy(String ownerId) {
        this.ownerId = ownerId;
    }

    protected String ownerId() {
        return ownerId;
    }

    @EventSourcingHandler
    void on(OwnerAssigned event) {
        ownerId = event.ownerId();
    }
}
