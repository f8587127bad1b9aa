package dev.leadqualification.command.duplicates;

import dev.leadqualification.command.lookup.CommandLookups;
import dev.leadqualification.command.lookup.LookupInserts;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.duplicates.RuleEntity;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Keeps {@code duplicate_match_code}: a new account or contact gets its code under every rule that is published
 * or being published, in the transaction that creates it, so the next check finds it. The codes of one transaction's
 * records are inserted with one statement ({@link LookupInserts}).
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class MatchCodeIndex {

    private final JdbcTemplate jdbc;
    private final DuplicateRules rules;
    private final LookupInserts inserts;
    private final LookupInserts.Table<Object[]> codes = new LookupInserts.Table<>("duplicate_match_code", this::insert);

    public MatchCodeIndex(JdbcTemplate jdbc, DuplicateRules rules, LookupInserts inserts) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.inserts = inserts;
    }

    @EventHandler
    void on(AccountCreated event) {
        index(event.accountId(), RecordFields.of(event.details()), rules.indexed(RuleEntity.ACCOUNT));
    }

    @EventHandler
    void on(ContactCreated event) {
        index(event.contactId(), RecordFields.of(event.details()), rules.indexed(RuleEntity.CONTACT));
    }

    /** Records the codes of one record under the given rules (with the transaction's others). */
    private void index(String recordId, Map<String, String> fields, List<DuplicateRules.StoredRule> under) {
        MatchCodes.under(under, fields)
                .forEach(code -> inserts.add(codes, new Object[]{code.rule().ruleId(), code.code(), recordId}));
    }

    /** Inserts (rule id, match code, record id) rows with one statement however many; repeats are ignored. */
    public void insert(List<Object[]> codes) {
        if (codes.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO duplicate_match_code (rule_id, match_code, record_id)
                    SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS uuid[]))
                    ON CONFLICT DO NOTHING""");
            for (int column = 0; column < codes.get(0).length; column++) {
                int c = column;
                statement.setArray(column + 1, connection.createArrayOf("varchar",
                        codes.stream().map(row -> row[c]).toArray()));
            }
            return statement;
        });
    }
}
