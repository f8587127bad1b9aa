package dev.leadqualification.command.directory;

import dev.leadqualification.command.lookup.CommandLookups;
import dev.leadqualification.command.lookup.LookupInserts;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.Address;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.contact.ContactDetails;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The directory of accounts and contacts, in tables the command side owns. Its handlers run in the
 * subscribing {@value CommandLookups#PROCESSING_GROUP} group, i.e. in the transaction that stores the
 * creation event, so a record created a moment ago is found. Inserts ignore repeats; the records of one transaction
 * are listed with one statement ({@link LookupInserts}), and so are those of an import's batch.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class JdbcCustomerDirectory implements CustomerDirectory {

    private final JdbcTemplate jdbc;
    private final LookupInserts inserts;
    private final LookupInserts.Table<Listing<AccountDetails>> accounts =
            new LookupInserts.Table<>("account_directory", this::addAccounts);
    private final LookupInserts.Table<Listing<ContactDetails>> contacts =
            new LookupInserts.Table<>("contact_directory", this::addContacts);

    public JdbcCustomerDirectory(JdbcTemplate jdbc, LookupInserts inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    @Override
    public boolean accountExists(String accountId) {
        return exists("SELECT EXISTS (SELECT 1 FROM account_directory WHERE account_id = ?)", accountId);
    }

    @Override
    public boolean contactExists(String contactId) {
        return exists("SELECT EXISTS (SELECT 1 FROM contact_directory WHERE contact_id = ?)", contactId);
    }

    private boolean exists(String sql, String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class, id));
    }

    /** Those of {@code accountIds} that name existing accounts, with one query however many. */
    public Set<String> existingAccounts(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query(connection -> {
            var statement = connection.prepareStatement(
                    "SELECT account_id FROM account_directory WHERE account_id = ANY (CAST(? AS varchar[]))");
            statement.setArray(1, connection.createArrayOf("varchar", accountIds.toArray()));
            return statement;
        }, (row, n) -> row.getString(1)));
    }

    @EventHandler
    void on(AccountCreated event, @Timestamp Instant createdAt) {
        inserts.add(accounts, new Listing<>(event.accountId(), event.details(), createdAt));
    }

    @EventHandler
    void on(ContactCreated event, @Timestamp Instant createdAt) {
        inserts.add(contacts, new Listing<>(event.contactId(), event.details(), createdAt));
    }

    /** A record as the directory lists it: its id, details and when it was created. */
    private record Listing<D>(String id, D details, Instant createdAt) {
    }

    /** Lists new accounts (one statement however many); repeats are ignored. */
    private void addAccounts(List<Listing<AccountDetails>> accounts) {
        insert("""
                INSERT INTO account_directory (account_id, name, email, phone, website, city, created_at)
                SELECT * FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                                     CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                                     CAST(? AS timestamptz[]))
                ON CONFLICT (account_id) DO NOTHING""", accounts, account -> new Object[]{account.id(),
                account.details().name(), account.details().email(), account.details().phone(),
                account.details().website(), city(account.details().address()), account.createdAt().toString()});
    }

    /** Lists new contacts (one statement however many); repeats are ignored. */
    private void addContacts(List<Listing<ContactDetails>> contacts) {
        insert("""
                INSERT INTO contact_directory
                    (contact_id, first_name, last_name, email, business_phone, mobile_phone, city, created_at)
                SELECT * FROM unnest(CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                                     CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                                     CAST(? AS varchar[]), CAST(? AS timestamptz[]))
                ON CONFLICT (contact_id) DO NOTHING""", contacts, contact -> new Object[]{contact.id(),
                contact.details().firstName(), contact.details().lastName(), contact.details().email(),
                contact.details().businessPhone(), contact.details().mobilePhone(), city(contact.details().address()),
                contact.createdAt().toString()});
    }

    /** Binds column k of every row as the k-th array parameter of {@code sql}. */
    private <T> void insert(String sql, List<T> rows, Function<T, Object[]> columns) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> values = rows.stream().map(columns).toList();
        int width = values.get(0).length;
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(sql);
            for (int column = 0; column < width; column++) {
                Object[] array = new Object[values.size()];
                for (int row = 0; row < array.length; row++) {
                    array[row] = values.get(row)[column];
                }
                String type = column == width - 1 ? "timestamptz" : "varchar";
                statement.setArray(column + 1, connection.createArrayOf(type, array));
            }
            return statement;
        });
    }

    private static String city(Address address) {
        return address == null ? null : address.city();
    }
}
