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
 * with the number of records. Many new records (an import) are checked with one query.
 */
@Component
public class JdbcDuplicateDetector implements DuplicateDetector {

    /** More matches than this are not shown: the salesperson searches instead. */
    public static final int MAX_MATCHES = 20;

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
        return storedMatches(entity, List.of(MatchCodes.under(rules.inEffect(entity), fields))).get(0);
    }

    /**
     * The stored records that match each of several new records, given each one's codes under the rules in
     * effect: one query for all of them, at most {@value #MAX_MATCHES} per record, oldest first.
     */
    public List<List<DuplicateMatch>> storedMatches(RuleEntity entity, List<List<MatchCodes.UnderRule>> codesOfEach) {
        List<Integer> recordNumbers = new ArrayList<>();
        List<String> ruleIds = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<List<DuplicateMatch>> matches = new ArrayList<>();
        for (int record = 0; record < codesOfEach.size(); record++) {
            matches.add(new ArrayList<>());
            for (MatchCodes.UnderRule code : codesOfEach.get(record)) {
                recordNumbers.add(record);
                ruleIds.add(code.rule().ruleId());
                codes.add(code.code());
                names.add(code.rule().definition().name());
            }
        }
        if (codes.isEmpty()) {
            return matches;
        }
        DirectoryTable directory = DirectoryTable.of(entity);
        String sql = """
                WITH probe (record_number, rule_id, match_code, rule_name) AS (
                    SELECT * FROM unnest(CAST(? AS int[]), CAST(? AS varchar[]), CAST(? AS char(64)[]),
                                         CAST(? AS varchar[]))),
                found AS (
                    SELECT p.record_number, d.%1$s AS id, %2$s AS name, d.email, %3$s AS phone, d.city, d.created_at,
                           array_agg(p.rule_name ORDER BY p.rule_name) AS matched_rules,
                           row_number() OVER (PARTITION BY p.record_number ORDER BY d.created_at, d.%1$s) AS rank
                    FROM probe p
                    JOIN duplicate_match_code m ON m.rule_id = p.rule_id AND m.match_code = p.match_code
                    JOIN %4$s d ON d.%1$s = m.record_id
                    GROUP BY p.record_number, d.%1$s)
                SELECT * FROM found WHERE rank <= %5$d ORDER BY record_number, rank""".formatted(
                directory.idColumn, directory.nameExpression, directory.phoneExpression, directory.table, MAX_MATCHES);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("int4", recordNumbers.toArray()));
            statement.setArray(2, connection.createArrayOf("varchar", ruleIds.toArray()));
            statement.setArray(3, connection.createArrayOf("bpchar", codes.toArray()));
            statement.setArray(4, connection.createArrayOf("varchar", names.toArray()));
            return statement;
        }, row -> {
            matches.get(row.getInt("record_number")).add(new DuplicateMatch(row.getString("id"),
                    row.getString("name"), row.getString("email"), row.getString("phone"), row.getString("city"),
                    row.getTimestamp("created_at").toInstant(), strings(row.getArray("matched_rules"))));
        });
        return matches;
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
