package dev.leadqualification.platform.identifiers;

import com.github.f4b6a3.uuid.UuidCreator;
import org.axonframework.common.IdentifierFactory;

/**
 * The identifiers of every message Axon creates and of every record the services create: UUIDs that grow with time
 * (version 7 of RFC 9562: 48 bits of Unix milliseconds first), made by uuid-creator's
 * {@link UuidCreator#getTimeOrderedEpoch()}, which keeps them growing within a millisecond too (a counter after the
 * time) and draws the rest from a {@link java.security.SecureRandom}. Each new event, record or note then lands at the
 * end of the unique indexes that hold its id (the event store's {@code event_identifier} and aggregate keys, the
 * lookup and read tables' primary keys) instead of on a random page of a large index: a random page is more often
 * missing from the database's buffers, and after each checkpoint its first change writes the whole page to the
 * write-ahead log.
 * <p>
 * Axon finds this adapter with {@link java.util.ServiceLoader} ({@code META-INF/services}) and gives it as
 * {@link IdentifierFactory#getInstance()}, which is also what the services call to name a new record.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return UuidCreator.getTimeOrderedEpoch().toString();
    }
}
