package dev.leadqualification.command.lookup;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lookup rows of a unit of work are inserted together when it commits: one call per table (per part of a large
 * table), in table order.
 */
class LookupInsertsTest {

    private final LookupInserts inserts = new LookupInserts();
    private final List<String> calls = new ArrayList<>();
    private final LookupInserts.Table<String> accounts = table("accounts");
    private final LookupInserts.Table<String> codes = table("codes");

    private LookupInserts.Table<String> table(String name) {
        return new LookupInserts.Table<>(name, rows -> calls.add(name + " " + rows));
    }

    @Test
    void theRowsOfAUnitOfWorkAreInsertedWithOneCallPerTableAsItCommits() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.execute(() -> {
            inserts.add(accounts, "a1");
            inserts.add(codes, "c1");
            inserts.add(accounts, "a2");
            inserts.add(codes, "c2");
            assertThat(calls).as("nothing before the commit").isEmpty();
        });

        assertThat(calls).containsExactly("accounts [a1, a2]", "codes [c1, c2]");
    }

    @Test
    void aTablesRowsAreInsertedInPartsOfAtMostTheRowsOfOneStatement() {
        List<Integer> sizes = new ArrayList<>();
        LookupInserts.Table<Integer> many = new LookupInserts.Table<>("many", rows -> sizes.add(rows.size()));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.execute(() -> {
            for (int row = 0; row < 2 * LookupInserts.ROWS_PER_STATEMENT + 1; row++) {
                inserts.add(many, row);
            }
        });

        assertThat(sizes).containsExactly(LookupInserts.ROWS_PER_STATEMENT, LookupInserts.ROWS_PER_STATEMENT, 1);
    }

    @Test
    void outsideAUnitOfWorkARowIsInsertedAtOnce() {
        inserts.add(accounts, "a1");

        assertThat(calls).containsExactly("accounts [a1]");
    }

    @Test
    void aFlushInsertsWhatIsHeldSoFarAndTheCommitOnlyTheRest() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.execute(() -> {
            inserts.add(codes, "c1");
            inserts.flush();
            assertThat(calls).containsExactly("codes [c1]");
            inserts.add(codes, "c2");
        });

        assertThat(calls).containsExactly("codes [c1]", "codes [c2]");
    }

    @Test
    void aUnitOfWorkRolledBackInsertsNothing() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);

        assertThatThrownBy(() -> unitOfWork.execute(() -> {
            inserts.add(accounts, "a1");
            throw new IllegalStateException("the command failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(calls).isEmpty();
    }
}
