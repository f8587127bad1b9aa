package dev.leadqualification.command.lookup;

import dev.leadqualification.platform.unitofwork.UnitOfWorkScoped;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rows the lookup handlers insert, gathered over the events of one unit of work and inserted with one statement per
 * table (per {@value #ROWS_PER_STATEMENT} rows) when it commits. The {@value CommandLookups#PROCESSING_GROUP} group
 * handles every event of a transaction in one batch as the transaction commits, so the saga's batch of
 * qualifications lists its hundreds of accounts and contacts in the directory and the match code index with a
 * statement per table, not one per record, and an import's batch its thousands with a few. Outside a unit of work a
 * row is inserted at once.
 */
@Component
public class LookupInserts {

    /**
     * The most rows one statement inserts: the array parameters of a statement for thousands (an import's batch)
     * would be strings of hundreds of kilobytes, each a "humongous" allocation for the G1 collector that starts a
     * concurrent marking cycle of its own.
     */
    static final int ROWS_PER_STATEMENT = 500;

    /** The rows of each table waiting for the unit of work to commit, inserted as it prepares to. */
    private final UnitOfWorkScoped<Map<Table<?>, Rows<?>>> pending = UnitOfWorkScoped.of(LookupInserts.class, "pending",
            unitOfWork -> {
                Map<Table<?>, Rows<?>> tables = new LinkedHashMap<>();
                unitOfWork.onPrepareCommit(committing -> tables.values().forEach(Rows::insert));
                return tables;
            });

    /** A kind of row and what inserts many of them at once (repeats ignored). */
    public record Table<T>(String name, Consumer<List<T>> insertAll) {
    }

    /** Inserts {@code row} into {@code table} when the current unit of work commits, or now outside one. */
    public <T> void add(Table<T> table, T row) {
        pending.current().ifPresentOrElse(tables -> tables.computeIfAbsent(table, key -> new Rows<>(table)).add(row),
                () -> table.insertAll().accept(List.of(row)));
    }

    /**
     * Inserts what the current unit of work holds so far: a handler about to delete from these tables calls it
     * first, so that the rows of a record created earlier in the same batch are not inserted after the delete.
     */
    public void flush() {
        pending.current().ifPresent(tables -> tables.values().forEach(Rows::insert));
    }

    /** The rows of one table waiting for the commit. */
    private static final class Rows<T> {
        private final Table<T> table;
        private final List<T> rows = new ArrayList<>();

        private Rows(Table<T> table) {
            this.table = table;
        }

        @SuppressWarnings("unchecked")
        private void add(Object row) {
            rows.add((T) row);
        }

        private void insert() {
            List<T> batch = List.copyOf(rows);
            rows.clear();
            for (int from = 0; from < batch.size(); from += ROWS_PER_STATEMENT) {
                table.insertAll().accept(batch.subList(from, Math.min(batch.size(), from + ROWS_PER_STATEMENT)));
            }
        }
    }
}
