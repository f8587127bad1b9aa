package dev.leadqualification.command.duplicates;

import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;
import dev.leadqualification.kernel.duplicates.RuleEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Checks a record against the published rules: its code under each rule, then one query over the
 * (rule_id, match_code) index joined to the directory for what the warning shows. The cost does not grow
 * with the number of records. Many new records (an import) are checked with one query.
 * <p>
 * One record (every create and qualify) is looked up with a plain index query whose server-side prepared plan
 * PostgreSQL reuses; the many-record query (an array of probes, grouped and ranked in SQL) would be planned afresh on
 * every call, which profiling showed to cost five times the lookup itself.
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
        List<MatchCodes.UnderRule> codes = MatchCodes.under(rules.inEffect(entity), fields);
        if (codes.isEmpty()) {
            return List.of();
        }
        DirectoryTable directory = DirectoryTable.of(entity);
        // A record matched under several rules comes once per rule: the oldest rows up to MAX_MATCHES times the
        // number of rules hold the oldest MAX_MATCHES records. The match code's uuid record id is cast to the
        // directory's text id (not the other way round), so the directory's primary key finds the row.
        String sql = """
                SELECT d.%1$s AS id, %2$s AS name, d.email, %3$s AS phone, d.city, d.created_at, m.rule_id
                FROM duplicate_match_code m
                JOIN %4$s d ON d.%1$s = CAST(m.record_id AS varchar)
                WHERE (m.rule_id, m.match_code) IN (%5$s)
                ORDER BY d.created_at, d.%1$s
                LIMIT %6$d""".formatted(directory.idColumn, directory.nameExpression, directory.phoneExpression,
                directory.table,
                String.join(", ", Collections.nCopies(codes.size(), "(CAST(? AS uuid), CAST(? AS uuid))")),
                MAX_MATCHES * codes.size());
        Map<String, String> ruleNames = new HashMap<>();
        List<Object> parameters = new ArrayList<>();
        for (MatchCodes.UnderRule code : codes) {
            ruleNames.put(code.rule().ruleId(), code.rule().definition().name());
            parameters.add(code.rule().ruleId());
            parameters.add(code.code());
        }
        Map<String, FoundRecord> found = new LinkedHashMap<>();
        jdbc.query(sql, row -> {
            FoundRecord record = found.get(row.getString("id"));
            if (record == null) {
                record = new FoundRecord(row);
                found.put(record.id, record);
            }
            record.rules.add(ruleNames.get(row.getString("rule_id")));
        }, parameters.toArray());
        return found.values().stream().limit(MAX_MATCHES).map(FoundRecord::match).toList();
    }

    /** A directory row found by one or more rules. */
    private static final class FoundRecord {
        private final String id;
        private final String name;
        private final String email;
        private final String phone;
        private final String city;
        private final Instant createdAt;
        private final SortedSet<String> rules = new TreeSet<>();

        private FoundRecord(ResultSet row) throws SQLException {
            id = row.getString("id");
            name = row.getString("name");
            email = row.getString("email");
            phone = row.getString("phone");
            city = row.getString("city");
            createdAt = row.getTimestamp("created_at").toInstant();
        }

        private DuplicateMatch match() {
            return new DuplicateMatch(id, name, email, phone, city, createdAt, List.copyOf(rules));
        }
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
                    SELECT * FROM unnest(CAST(? AS int[]), CAST(? AS uuid[]), CAST(? AS uuid[]),
                                         CAST(? AS varchar[]))),
                found AS (
                    SELECT p.record_number, d.%1$s AS id, %2$s AS name, d.email, %3$s AS phone, d.city, d.created_at,
                           array_agg(p.rule_name ORDER BY p.rule_name) AS matched_rules,
                           row_number() OVER (PARTITION BY p.record_number ORDER BY d.created_at, d.%1$s) AS rank
                    FROM probe p
                    JOIN duplicate_match_code m ON m.rule_id = p.rule_id AND m.match_code = p.match_code
                    JOIN %4$s d ON d.%1$s = CAST(m.record_id AS varchar)
                    GROUP BY p.record_number, d.%1$s)
                SELECT * FROM found WHERE rank <= %5$d ORDER BY record_number, rank""".formatted(
                directory.idColumn, directory.nameExpression, directory.phoneExpression, directory.table, MAX_MATCHES);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("int4", recordNumbers.toArray()));
            statement.setArray(2, connection.createArrayOf("varchar", ruleIds.toArray()));
            statement.setArray(3, connection.createArrayOf("varchar", codes.toArray()));
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
