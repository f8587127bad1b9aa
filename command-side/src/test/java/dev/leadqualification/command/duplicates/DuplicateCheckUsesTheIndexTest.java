package dev.leadqualification.command.duplicates;

import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.Address;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;
import dev.leadqualification.kernel.duplicates.DuplicateRuleStatus;
import dev.leadqualification.kernel.duplicates.RuleEntity;
import dev.leadqualification.platform.testing.FreshDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A duplicate check is an index lookup on {@code (rule_id, match_code)}, however many records there are: with
 * 100,000 accounts and their match codes in the tables, PostgreSQL plans the detector's own query through
 * {@code duplicate_match_code_pkey}, never a sequential scan of the match codes. The plan is asserted, not the
 * time it takes.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicateCheckUsesTheIndexTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create("duplicate_index");
    private static final int RECORDS = 100_000;
    /** The default rule "Accounts with the same account name" (see {@link DefaultDuplicateRules}). */
    private static final String SAME_ACCOUNT_NAME = "00000000-0000-4000-8000-000000000001";
    /** The default rule "Accounts with the same e-mail address". */
    private static final String SAME_ACCOUNT_EMAIL = "00000000-0000-4000-8000-000000000002";
    private static final String MATCH_CODE_INDEX = "duplicate_match_code_pkey";
    /** SQL for the id of preloaded account n: UUID-shaped, see {@link #preloadedId}. */
    private static final String PRELOADED_ID = "'00000000-0000-4000-9000-' || lpad(n::text, 12, '0')";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.useAsDataSource(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcDuplicateDetector detector;
    @Autowired
    DuplicateRules rules;

    /**
     * Waits for the default rules to be published (in the background, at start), then loads 100,000 accounts
     * into the directory and their codes under the "same account name" rule, the codes computed in SQL the way
     * {@link MatchCodes} computes them (trimmed, lower-cased, unit separator, SHA-256 in hex).
     */
    @BeforeAll
    void preloadOneHundredThousandAccounts() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> rules.inEffect(RuleEntity.ACCOUNT).stream().anyMatch(rule ->
                        rule.ruleId().equals(SAME_ACCOUNT_NAME) && rule.status() == DuplicateRuleStatus.PUBLISHED));
        jdbc.update("""
                INSERT INTO account_directory (account_id, name, email, phone, website, city, created_at)
                SELECT %s, 'Preloaded Company ' || n, NULL, '+1 555 ' || lpad(n::text, 7, '0'), NULL,
                       'City ' || (n %% 500), now() - make_interval(secs => n)
                FROM generate_series(1, ?) AS n""".formatted(PRELOADED_ID), RECORDS);
        jdbc.update("""
                INSERT INTO duplicate_match_code (rule_id, match_code, record_id)
                SELECT CAST(? AS uuid), %s, CAST(%s AS uuid)
                FROM generate_series(1, ?) AS n""".formatted(matchCodeOf("lower('Preloaded Company ' || n)"),
                PRELOADED_ID), SAME_ACCOUNT_NAME, RECORDS);
        jdbc.execute("ANALYZE account_directory");
        jdbc.execute("ANALYZE duplicate_match_code");
    }

    /** SQL for the match code of one compared value, computed as {@link MatchCodes} computes it. */
    private static String matchCodeOf(String value) {
        return "CAST(substr(encode(sha256(convert_to(" + value + " || chr(31), 'UTF8')), 'hex'), 1, 32) AS uuid)";
    }

    /** The id of preloaded account n. */
    private static String preloadedId(int n) {
        return "00000000-0000-4000-9000-%012d".formatted(n);
    }

    @Test
    void theTablesHoldTheRecordsAndTheSqlCodesAreTheCodesTheDetectorComputes() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM duplicate_match_code", Long.class))
                .isGreaterThanOrEqualTo(RECORDS);
        String stored = jdbc.queryForObject(
                """
                        SELECT match_code FROM duplicate_match_code
                        WHERE rule_id = CAST(? AS uuid) AND record_id = CAST(? AS uuid)""", String.class,
                SAME_ACCOUNT_NAME, preloadedId(4242));
        var rule = rules.inEffect(RuleEntity.ACCOUNT).stream()
                .filter(candidate -> candidate.ruleId().equals(SAME_ACCOUNT_NAME)).findFirst().orElseThrow();
        assertThat(MatchCodes.of(rule.definition(), Map.of("name", "Preloaded Company 4242"))).contains(stored);
    }

    @Test
    void theDetectorFindsAPreloadedAccountThroughThePublishedDefaultRule() {
        List<DuplicateMatch> matches = detector.accountMatches(account("  PRELOADED   company 4242 "));

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.id()).isEqualTo(preloadedId(4242));
            assertThat(match.name()).isEqualTo("Preloaded Company 4242");
            assertThat(match.phone()).isEqualTo("+1 555 0004242");
            assertThat(match.city()).isEqualTo("City 242");
            assertThat(match.matchedRules()).containsExactly("Accounts with the same account name");
        });
        assertThat(detector.accountMatches(account("Preloaded Company 100001"))).as("no such account").isEmpty();
    }

    /** One record (a create, a qualification) and many (an import) are looked up with different queries. */
    static Stream<Arguments> checks() {
        return Stream.of(
                Arguments.of("one record", (Check) (detector, rules, account) -> detector.accountMatches(account)),
                Arguments.of("many records", (Check) (detector, rules, account) -> detector.storedMatches(
                        RuleEntity.ACCOUNT, List.of(MatchCodes.under(rules.inEffect(RuleEntity.ACCOUNT),
                                RecordFields.of(account)))).get(0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void theDetectorsQueryIsPlannedThroughTheMatchCodeIndex(String name, Check check) throws SQLException {
        CapturedQuery query = captureTheMatchQuery(check, account("Preloaded Company 77777"));

        String plan = explain(query, false);

        assertThat(plan).as("plan of the detector's query:%n%s", plan)
                .contains(MATCH_CODE_INDEX)
                .doesNotContain("Seq Scan on duplicate_match_code");
    }

    /**
     * After five executions the JDBC driver prepares the statement on the server, which may then switch to a
     * generic plan (parameters unknown): that plan, too, must use the index.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void theGenericPlanOfAPreparedCheckUsesTheMatchCodeIndexToo(String name, Check check) throws SQLException {
        CapturedQuery query = captureTheMatchQuery(check, account("Preloaded Company 31337"));

        String plan = explain(query, true);

        assertThat(plan).as("generic plan of the detector's query:%n%s", plan)
                .contains(MATCH_CODE_INDEX)
                .doesNotContain("Seq Scan on duplicate_match_code");
    }

    /**
     * 25 accounts named alike, created a minute apart, the oldest also under the same e-mail: the check shows the 20
     * oldest, oldest first, and the one matched under both rules once, naming both.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void aRecordMatchedUnderTwoRulesIsShownOnceAndOnlyTheTwentyOldestAreShown(String name, Check check) {
        String token = name.replace(' ', '-');
        String twinName = "Twin Company " + token;
        String email = "twins@" + token + ".example";
        // UUID-shaped, distinct per check variant
        String twinId = "'00000000-0000-4000-a00" + token.length() % 10 + "-' || lpad(n::text, 12, '0')";
        jdbc.update("""
                INSERT INTO account_directory (account_id, name, email, phone, website, city, created_at)
                SELECT %s, ?, CASE WHEN n = 25 THEN ? END, NULL, NULL, NULL, now() - make_interval(mins => n)
                FROM generate_series(1, 25) AS n""".formatted(twinId), twinName, email);
        jdbc.update("""
                INSERT INTO duplicate_match_code (rule_id, match_code, record_id)
                SELECT CAST(? AS uuid), %s, CAST(%s AS uuid)
                FROM generate_series(1, 25) AS n""".formatted(matchCodeOf("lower(?)"), twinId),
                SAME_ACCOUNT_NAME, twinName);
        jdbc.update("""
                INSERT INTO duplicate_match_code (rule_id, match_code, record_id)
                SELECT CAST(? AS uuid), %s, CAST(%s AS uuid)
                FROM generate_series(25, 25) AS n""".formatted(matchCodeOf("lower(?)"), twinId),
                SAME_ACCOUNT_EMAIL, email);

        List<DuplicateMatch> matches = check.run(detector, rules,
                new AccountDetails(twinName, email.toUpperCase(), null, null, null));

        assertThat(matches).hasSize(JdbcDuplicateDetector.MAX_MATCHES);
        assertThat(matches).extracting(DuplicateMatch::createdAt).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(matches).extracting(DuplicateMatch::id).doesNotHaveDuplicates();
        assertThat(matches.get(0).matchedRules()).containsExactly(
                "Accounts with the same account name", "Accounts with the same e-mail address");
        assertThat(matches.subList(1, matches.size())).allSatisfy(match ->
                assertThat(match.matchedRules()).containsExactly("Accounts with the same account name"));
        List<String> fiveYoungest = jdbc.queryForList(
                "SELECT account_id FROM account_directory WHERE name = ? ORDER BY created_at DESC LIMIT 5",
                String.class, twinName);
        assertThat(matches).extracting(DuplicateMatch::id).doesNotContainAnyElementsOf(fiveYoungest);
    }

    /** A duplicate check of one account through a detector. */
    interface Check {
        List<DuplicateMatch> run(JdbcDuplicateDetector detector, DuplicateRules rules, AccountDetails account);
    }

    private static AccountDetails account(String name) {
        return new AccountDetails(name, null, null, null, new Address(null, null, "Anywhere", null, null, null));
    }

    /** The SQL and parameters the detector sends for this account, captured on their way to the driver. */
    private CapturedQuery captureTheMatchQuery(Check check, AccountDetails account) throws SQLException {
        List<CapturedQuery> captured = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            SingleConnectionDataSource recording = new SingleConnectionDataSource(recording(connection, captured), true);
            JdbcDuplicateDetector capturing = new JdbcDuplicateDetector(new JdbcTemplate(recording), rules);
            assertThat(check.run(capturing, rules, account)).as("the captured check finds the preloaded account")
                    .singleElement().extracting(DuplicateMatch::name).isEqualTo(account.name());
        }
        assertThat(captured).as("statements the detector prepared").singleElement()
                .satisfies(query -> assertThat(query.sql()).contains("duplicate_match_code"));
        return captured.get(0);
    }

    /** EXPLAIN of the captured query with its parameters; generic: as a server-prepared statement's generic plan. */
    private String explain(CapturedQuery query, boolean generic) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!generic) {
                try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query.sql())) {
                    bind(explain, query, connection);
                    return planText(explain);
                }
            }
            String numbered = query.sql();
            for (int i = 1; i <= query.parameters().size(); i++) {
                numbered = numbered.replaceFirst("\\?", "\\$" + i);
            }
            try (var statement = connection.createStatement()) {
                statement.execute("SET plan_cache_mode = force_generic_plan");
                statement.execute("PREPARE duplicate_check AS " + numbered);
            }
            List<String> arguments = new ArrayList<>();
            query.parameters().values().forEach(parameter -> arguments.add(literal(parameter)));
            try (PreparedStatement explain = connection.prepareStatement(
                    "EXPLAIN EXECUTE duplicate_check(" + String.join(", ", arguments) + ")")) {
                return planText(explain);
            } finally {
                try (var statement = connection.createStatement()) {
                    statement.execute("DEALLOCATE duplicate_check");
                    statement.execute("RESET plan_cache_mode");
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, CapturedQuery query, Connection connection)
            throws SQLException {
        for (var parameter : query.parameters().entrySet()) {
            if (parameter.getValue() instanceof CapturedArray array) {
                statement.setArray(parameter.getKey(), connection.createArrayOf(array.baseType(), array.elements()));
            } else {
                statement.setString(parameter.getKey(), (String) parameter.getValue());
            }
        }
    }

    /**
     * A captured parameter as an SQL literal (EXECUTE takes no bind parameters): 'a', or an array as '{"a","b"}'.
     * Literals of no stated type take the type the statement gives its parameter (uuid[] where the driver bound
     * varchar[] to a cast).
     */
    private static String literal(Object parameter) {
        if (!(parameter instanceof CapturedArray array)) {
            return quoted(parameter);
        }
        List<String> elements = new ArrayList<>();
        for (Object element : array.elements()) {
            elements.add('"' + String.valueOf(element).replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return quoted("{" + String.join(",", elements) + "}");
    }

    private static String quoted(Object value) {
        return "'" + String.valueOf(value).replace("'", "''") + "'";
    }

    private static String planText(PreparedStatement explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (var rows = explain.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append(System.lineSeparator());
            }
        }
        return plan.toString();
    }

    record CapturedArray(String baseType, Object[] elements) {
    }

    /** The SQL and its parameters by position: strings and {@link CapturedArray}s. */
    record CapturedQuery(String sql, Map<Integer, Object> parameters) {
    }

    /** The connection, recording every statement prepared through it and the arrays bound to it. */
    private static Connection recording(Connection connection, List<CapturedQuery> captured) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, connection, args);
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                        CapturedQuery query = new CapturedQuery(sql, new TreeMap<>());
                        captured.add(query);
                        return recording((PreparedStatement) result, query);
                    }
                    return result;
                });
    }

    private static PreparedStatement recording(PreparedStatement statement, CapturedQuery query) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setArray")) {
                        Array array = (Array) args[1];
                        query.parameters().put((Integer) args[0],
                                new CapturedArray(array.getBaseTypeName(), (Object[]) array.getArray()));
                    } else if (method.getName().equals("setString")) {
                        query.parameters().put((Integer) args[0], args[1]);
                    }
                    return invoke(method, statement, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
