package dev.leadqualification.command.creation;

import dev.leadqualification.command.CommandSideTest;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.account.CreateAccount;
import dev.leadqualification.kernel.common.DomainRuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A creation under a fresh id does not read the event store for its record. That shows where the id is taken after
 * all: the creation cannot see the record and loses at the event store's unique key, writing nothing, where the same
 * creation sent as usual reads the record and is refused for its other details.
 */
class FreshIdRepositoryTest extends CommandSideTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    private static CreateAccount account(String accountId, String name) {
        return new CreateAccount(accountId, new AccountDetails(name, null, null, null, null), null, false, "sam");
    }

    private int events(String accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, accountId);
    }

    @Test
    void aRecordCreatedUnderAFreshIdIsStoredAndListed() {
        String accountId = UUID.randomUUID().toString();

        String created = commands.sendAndWait(FreshIds.creating(account(accountId, "Fabrikam"), accountId));

        assertThat(created).isEqualTo(accountId);
        assertThat(events(accountId)).isOne();
        assertThat(jdbc.queryForObject("SELECT name FROM account_directory WHERE account_id = ?", String.class,
                accountId)).isEqualTo("Fabrikam");
    }

    @Test
    void aFreshCreationReadsNothingSoUnderATakenIdItLosesAtTheUniqueKeyAndWritesNothing() {
        String accountId = UUID.randomUUID().toString();
        commands.sendAndWait(account(accountId, "Contoso"));

        assertThatThrownBy(() -> commands.sendAndWait(FreshIds.creating(account(accountId, "Northwind"), accountId)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> commands.sendAndWait(account(accountId, "Northwind")))
                .as("sent as usual, the creation reads the stored record")
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                        refused -> assertThat(refused.rule()).isEqualTo("id-conflict"));
        assertThat(events(accountId)).isOne();
    }

    @Test
    void theFreshMarkConcernsOnlyTheRecordItNames() {
        String stored = UUID.randomUUID().toString();
        commands.sendAndWait(account(stored, "Contoso"));

        String same = commands.sendAndWait(FreshIds.creating(account(stored, "Contoso"), UUID.randomUUID().toString()));

        assertThat(same).as("the same create again, read as usual: a no-op").isEqualTo(stored);
        assertThat(events(stored)).isOne();
    }
}
