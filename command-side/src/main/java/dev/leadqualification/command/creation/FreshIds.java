package dev.leadqualification.command.creation;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Map;

/**
 * Creations under a fresh id: one no record can have yet (a new id the service just chose, or one the saga's batch
 * found unused). A command marked so is handled without reading the event store for its record
 * ({@link FreshIdRepository}): a create-if-missing otherwise reads the record's events only to find none.
 * <p>
 * Should the id be taken after all, nothing is lost: the creation's first event loses at the event store's unique
 * key (record, sequence number) like any conflicting write and its transaction rolls back; the saga's batch is then
 * retried and finds the record, an HTTP create is answered 409.
 */
public final class FreshIds {

    /** Metadata naming the fresh id of the record the command creates. */
    private static final String METADATA_KEY = "freshRecordId";

    private FreshIds() {
    }

    /** {@code command}, which creates the record {@code recordId}, marked as a creation under a fresh id. */
    public static <C> CommandMessage<C> creating(C command, String recordId) {
        return GenericCommandMessage.<C>asCommandMessage(command).andMetaData(Map.of(METADATA_KEY, recordId));
    }

    /** The id of the record {@code command} creates under a fresh id, or null if it is not marked so. */
    public static String freshIdOf(Message<?> command) {
        return command instanceof CommandMessage<?> && command.getMetaData().get(METADATA_KEY) instanceof String id
                ? id : null;
    }

    /** Whether the command being handled creates {@code recordId} under a fresh id. */
    static boolean isBeingCreated(String recordId) {
        return CurrentUnitOfWork.isStarted() && recordId.equals(freshIdOf(CurrentUnitOfWork.get().getMessage()));
    }
}
