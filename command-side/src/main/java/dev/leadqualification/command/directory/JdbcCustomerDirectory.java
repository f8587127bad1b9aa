package dev.leadqualification.command.directory;

import dev.leadqualification.command.lookup.CommandLookups;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.common.Address;
import dev.leadqualification.kernel.contact.ContactCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The directory of accounts and contacts, in tables the command side owns. Its handlers run in the
 * subscribing {@value CommandLookups#PROCESSING_GROUP} group, i.e. in the transaction that stores the
 * creation event, so a record created a moment ago is found. Inserts ignore repeats.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class JdbcCustomerDirectory implements CustomerDirectory {

    private final JdbcTemplate jdbc;

    public JdbcCustomerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    @EventHandler
    void on(AccountCreated event, @Timestamp Instant createdAt) {
        var account = event.details();
        jdbc.update("""
                INSERT INTO account_directory (account_id, name, email, phone, website, city, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id) DO NOTHING""",
                event.accountId(), account.name(), account.email(), account.phone(), account.website(),
                city(account.address()), createdAt.atOffset(ZoneOffset.UTC));
    }

    @EventHandler
    void on(ContactCreated event, @Timestamp Instant createdAt) {
        var contact = event.details();
        jdbc.update("""
                INSERT INTO contact_directory
                    (contact_id, first_name, last_name, email, business_phone, mobile_phone, city, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contact_id) DO NOTHING""",
                event.contactId(), contact.firstName(), contact.lastName(), contact.email(), contact.businessPhone(),
                contact.mobilePhone(), city(contact.address()), createdAt.atOffset(ZoneOffset.UTC));
    }

    private static String city(Address address) {
        return address == null ? null : address.city();
    }
}
