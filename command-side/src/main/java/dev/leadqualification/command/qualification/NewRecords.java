package dev.leadqualification.command.qualification;

import dev.leadqualification.command.creation.FreshIds;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.platform.unitofwork.UnitOfWorkScoped;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The saga's creations of the records a qualification fixed. Whether their ids already name records is read once
 * for every qualification of the saga's batch, the first time one of them creates a record (one query instead of a
 * read per record); a record whose id names nothing is created under a fresh id ({@link FreshIds}), which reads
 * nothing more. An id that names a record already (a client took it after the qualify answer named it) is created
 * as usual: the same record again is a no-op, another one fails the qualification.
 */
@Component
public class NewRecords {

    /** The stored records among those the qualifications being handled create; read once per (root) unit of work. */
    private final UnitOfWorkScoped<Set<String>> stored;

    @Autowired
    public NewRecords(JdbcTemplate jdbc) {
        this(ids -> storedAmong(jdbc, ids));
    }

    /** With {@code storedAmong} telling which of some ids name stored records. */
    public NewRecords(Function<Collection<String>, Set<String>> storedAmong) {
        this.stored = UnitOfWorkScoped.ofRoot(NewRecords.class, "stored",
                unitOfWork -> storedAmong.apply(recordIds(unitOfWork)));
    }

    /** {@code command}, which creates record {@code recordId}, as the saga sends it. */
    public CommandMessage<?> creation(Object command, String recordId) {
        Set<String> storedRecords = stored.current()
                .orElseThrow(() -> new IllegalStateException("The saga creates records inside its unit of work"));
        return storedRecords.contains(recordId)
                ? GenericCommandMessage.asCommandMessage(command) : FreshIds.creating(command, recordId);
    }

    private static Set<String> recordIds(UnitOfWork<?> unitOfWork) {
        List<? extends Message<?>> handled = unitOfWork instanceof BatchingUnitOfWork<?> batch
                ? batch.getMessages() : List.of(unitOfWork.getMessage());
        Set<String> ids = new HashSet<>();
        handled.stream().map(Message::getPayload)
                .filter(LeadQualified.class::isInstance).map(LeadQualified.class::cast)
                .flatMap(qualified -> Stream.of(qualified.accountId(), qualified.contactId(),
                        qualified.opportunityId()))
                .filter(Objects::nonNull)
                .forEach(ids::add);
        return ids;
    }

    /** The ids among {@code ids} that name a record: its first event is stored (one probe of the unique key each). */
    private static Set<String> storedAmong(JdbcTemplate jdbc, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT aggregate_identifier FROM domain_event_entry
                    WHERE aggregate_identifier = ANY (CAST(? AS varchar[])) AND sequence_number = 0""");
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            return statement;
        }, (row, n) -> row.getString(1)));
    }
}
