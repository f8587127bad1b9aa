package dev.leadqualification.command.duplicates;

import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;
import dev.leadqualification.kernel.duplicates.RuleEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks a record against the published rules: its code under each rule, then one query over the
 * (rule_id, match_code) index joined to the directory for what the warning shows. The cost does not grow
 * with the number of records.
 */
@Component
public class JdbcDuplicateDetector implements DuplicateDetector {

    /** More matches than this are not shown: the salesperson searches instead. */
    static final int MAX_MATCHES = 20;

    private final JdbcTemplate jdbc;
    private final DuplicateRules rules;

    public JdbcDuplicateDetector(JdbcTemplate jdbc, DuplicateRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    @Override
    public List<DuplicateMatch> accountMatches(AccountDetails account) {
        return matches(RuleEntity.ACCOUNT, RecordFields.of(account));
    }

    @Override
    public List<DuplicateMatch> contactMatches(ContactDetails contact) {
        return matches(RuleEntity.CONTACT, RecordFields.of(contact));
    }

    private List<DuplicateMatch> matches(RuleEntity entity, Map<String, String> fields) {
        List<String> ruleIds = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (DuplicateRules.StoredRule rule : rules.inEffect(entity)) {
            MatchCodes.of(rule.definition(), fields).ifPresent(code -> {
                ruleIds.add(rule.ruleId());
                codes.add(code);
                names.add(rule.definition().name());
            });
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        DirectoryTable directory = DirectoryTable.of(entity);
        String sql = """
                WITH probe (rule_id, match_code, rule_name) AS (
                    SELECT * FROM unnest(CAST(? AS varchar[]), CAST(? AS char(64)[]), CAST(? AS varchar[])))
                SELECT d.%1$s AS id, %2$s AS name, d.email, %3$s AS phone, d.city, d.created_at,
                       array_agg(p.rule_name ORDER BY p.rule_name) AS matched_rules
                FROM probe p
                JOIN duplicate_match_code m ON m.rule_id = p.rule_id AND m.match_code = p.match_code
                JOIN %4$s d ON d.%1$s = m.record_id
                GROUP BY d.%1$s
                ORDER BY d.created_at, d.%1$s
                LIMIT %5$d""".formatted(directory.idColumn, directory.nameExpression, directory.phoneExpression,
                directory.table, MAX_MATCHES);
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("varchar", ruleIds.toArray()));
            statement.setArray(2, connection.createArrayOf("bpchar", codes.toArray()));
            statement.setArray(3, connection.createArrayOf("varchar", names.toArray()));
            return statement;
        }, (row, n) -> new DuplicateMatch(row.getString("id"), row.getString("name"), row.getString("email"),
                row.getString("phone"), row.getString("city"), row.getTimestamp("created_at").toInstant(),
                strings(row.getArray("matched_rules"))));
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
