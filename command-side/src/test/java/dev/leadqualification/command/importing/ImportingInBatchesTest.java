package dev.leadqualification.command.importing;

import dev.leadqualification.command.duplicates.DuplicateRules;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.account.CreateAccount;
import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.kernel.duplicates.DuplicateRuleStatus;
import dev.leadqualification.kernel.duplicates.RuleEntity;
import dev.leadqualification.platform.testing.FreshDatabase;
import dev.leadqualification.platform.web.ApiProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Imports in batches of three lines on a real database: what a batch writes (events, directory, match codes), what
 * one batch's lines see of the lines before them (in the same batch, or committed by an earlier one), and that a
 * batch whose transaction fails leaves nothing of itself behind while the other batches are kept.
 */
@SpringBootTest(properties = "leads.import.batch-size=3")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportingInBatchesTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create("importing");
    private static final ImportRun ADA = new ImportRun("ada", "import-test-correlation", false);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.useAsDataSource(registry);
    }

    @Autowired
    Importer importer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DuplicateRules rules;
    @Autowired
    CommandGateway commands;

    /** The default rules are published in the background at the first start; imports check against them. */
    @BeforeAll
    void defaultRulesPublished() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                rules.inEffect(RuleEntity.ACCOUNT).size() == 2 && rules.inEffect(RuleEntity.CONTACT).size() == 2
                        && rules.all().stream().allMatch(rule -> rule.status() == DuplicateRuleStatus.PUBLISHED));
    }

    @Test
    void aBatchWhoseTransactionFailsWritesNothingOfItWhileTheOtherBatchesAreKept() throws IOException {
        String token = token();
        List<String> ids = ids(7);
        // the directory lists the records after their events are appended (as a command's): refusing the fifth
        // line's row fails the batch after its events were written
        jdbc.execute("""
                CREATE FUNCTION refuse_one_listing() RETURNS trigger AS $$
                BEGIN
                    IF NEW.account_id = '%s' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql""".formatted(ids.get(4)));
        jdbc.execute("CREATE TRIGGER refuse_one_listing BEFORE INSERT ON account_directory "
                + "FOR EACH ROW EXECUTE FUNCTION refuse_one_listing()");
        try {
            ImportReport.Answer answer = importAccounts(
                    account(ids.get(0), "One " + token), account(ids.get(1), "Two " + token),
                    account(ids.get(2), "Three " + token),
                    account(ids.get(3), "Four " + token), account(ids.get(4), "Five " + token),
                    account(ids.get(5), "Six " + token),
                    account(ids.get(6), "Seven " + token));

            assertThat(answer.received()).isEqualTo(7);
            assertThat(answer.imported()).isEqualTo(4);
            assertThat(answer.refused()).isEqualTo(3);
            assertThat(answer.errors()).extracting(error -> error.get("line")).containsExactly(4, 5, 6);
            assertThat(answer.errors()).allSatisfy(error -> {
                assertThat(error.get("status")).isEqualTo(500);
                assertThat((String) error.get("type")).endsWith("/internal-error");
                assertThat((String) error.get("detail")).contains("lines 4 to 6").contains("none of its lines");
            });
            for (String refused : ids.subList(3, 6)) {
                assertThat(storedRows(refused)).as("rows of %s", refused).isEqualTo(new StoredRows(0, 0, 0));
            }
            for (String imported : List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(6))) {
                assertThat(storedRows(imported)).as("rows of %s", imported).isEqualTo(new StoredRows(1, 1, 1));
            }
        } finally {
            jdbc.execute("DROP TRIGGER refuse_one_listing ON account_directory");
            jdbc.execute("DROP FUNCTION refuse_one_listing()");
        }
    }

    @Test
    void laterLinesMeetEarlierOnesInTheSameBatchAndInEarlierBatches() throws IOException {
        String token = token();
        List<String> ids = ids(7);

        ImportReport.Answer answer = importAccounts(
                account(ids.get(0), "Alpha " + token),
                account(ids.get(1), "  ALPHA   " + token.toUpperCase() + " "),
                account(ids.get(2), "Beta " + token),
                account(ids.get(0), "Gamma " + token),
                account(ids.get(4), "alpha " + token),
                account(ids.get(2), "Beta " + token),
                "{\"accountId\":\"" + ids.get(6) + "\",\"name\":\"Alpha " + token + "\",\"suppressDuplicateDetection\":true}");

        assertThat(answer.imported()).isEqualTo(3);
        assertThat(answer.errors()).extracting(error -> error.get("line"), error -> error.get("status"),
                error -> ((String) error.get("type")).replaceAll(".*/", "")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, 409, "duplicates-found"),
                org.assertj.core.groups.Tuple.tuple(4, 409, "id-conflict"),
                org.assertj.core.groups.Tuple.tuple(5, 409, "duplicates-found"),
                org.assertj.core.groups.Tuple.tuple(6, 409, "id-conflict"));
        assertThat(matchedAccountIds(answer.errors().get(0))).as("same batch").containsExactly(ids.get(0));
        assertThat(matchedAccountIds(answer.errors().get(2))).as("earlier batch, committed")
                .containsExactly(ids.get(0));
        assertThat((String) answer.errors().get(1).get("detail")).contains("Line 1 ");
        assertThat((String) answer.errors().get(3).get("detail")).as("same content, but twice in one file")
                .contains("Line 3 ");
        assertThat(storedRows(ids.get(6))).as("suppressed by the line itself").isEqualTo(new StoredRows(1, 1, 1));
    }

    @Test
    void importingAFileAgainCreatesNothingTwiceAndTheImportedAccountsLoadAsAggregates() throws IOException {
        String token = token();
        List<String> ids = ids(4);
        String[] lines = {account(ids.get(0), "Repeat One " + token), account(ids.get(1), "Repeat Two " + token),
                account(ids.get(2), "Repeat Three " + token), account(ids.get(3), "Repeat Four " + token)};
        importAccounts(lines);

        ImportReport.Answer again = importAccounts(lines);

        assertThat(again.imported()).isEqualTo(4);
        assertThat(again.errors()).isEmpty();
        assertThat(storedRows(ids.get(3))).isEqualTo(new StoredRows(1, 1, 1));
        Map<String, Object> event = jdbc.queryForMap("""
                SELECT type, sequence_number, payload_type, payload_revision, convert_from(meta_data, 'UTF8') AS meta_data,
                       convert_from(payload, 'UTF8') AS payload
                FROM domain_event_entry WHERE aggregate_identifier = ?""", ids.get(0));
        assertThat(event).containsEntry("type", "Account").containsEntry("sequence_number", 0L)
                .containsEntry("payload_type", "dev.leadqualification.kernel.account.AccountCreated")
                .containsEntry("payload_revision", "2");
        assertThat((String) event.get("payload")).as("the importing user owns the record").contains("\"ownerId\":\"ada\"");
        assertThat((String) event.get("meta_data")).contains("\"actor\":\"ada\"")
                .contains("\"correlationId\":\"import-test-correlation\"");
        AccountDetails details = new AccountDetails("Repeat One " + token, null, null, null, null);
        assertThat((String) commands.sendAndWait(new CreateAccount(ids.get(0), details, null, true, "sam")))
                .as("the same create again: a no-op on the loaded aggregate").isEqualTo(ids.get(0));
        assertThat(storedRows(ids.get(0)).events()).isEqualTo(1);
        assertThatThrownBy(() -> commands.sendAndWait(new CreateAccount(ids.get(0),
                new AccountDetails("Another " + token, null, null, null, null), null, true, "sam")))
                .isInstanceOfSatisfying(DomainRuleViolation.class, violation ->
                        assertThat(violation.rule()).isEqualTo("id-conflict"));
    }

    @Test
    void aContactsParentAccountMustExistAndItsIdMustNotNameAnotherKindOfRecord() throws IOException {
        String token = token();
        String accountId = ids(1).get(0);
        importAccounts(account(accountId, "Parent " + token));
        List<String> ids = ids(3);

        ImportReport.Answer answer = importer.importAll(ImportedContacts.TYPE, body(
                contact(ids.get(0), "Under " + token, accountId),
                contact(ids.get(1), "Orphan " + token, UUID.randomUUID().toString()),
                contact(accountId, "Clash " + token, null)), ADA);

        assertThat(answer.imported()).isEqualTo(1);
        assertThat(answer.errors()).hasSize(2);
        assertThat(answer.errors().get(0)).containsEntry("line", 2).containsEntry("status", 400);
        assertThat(answer.errors().get(0).get("errors")).asString().contains("parentAccountId")
                .contains("names no existing account");
        assertThat(answer.errors().get(1)).containsEntry("line", 3).containsEntry("status", 409);
        assertThat((String) answer.errors().get(1).get("detail")).contains("another kind of record");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_directory WHERE contact_id = ?", Integer.class,
                ids.get(0))).isEqualTo(1);
    }

    /** A line is read as strictly as the direct create's body: a key given twice, a number no type can hold. */
    @Test
    void aLineIsReadAsStrictlyAsTheBodyOfTheDirectCreate() throws IOException {
        String token = token();

        ImportReport.Answer answer = importAccounts(
                "{\"name\": \"Twice " + token + "\", \"name\": \"Again " + token + "\"}",
                "{\"name\": \"Huge " + token + "\", \"phone\": 1e2147483648}",
                "{\"name\": \"Fine " + token + "\"} {\"name\": \"Second object\"}");

        assertThat(answer.imported()).isZero();
        assertThat(answer.errors()).extracting(error -> error.get("line"), error -> error.get("status"),
                error -> ((String) error.get("type")).replaceAll(".*/", "")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 400, "malformed-request"),
                org.assertj.core.groups.Tuple.tuple(2, 400, "malformed-request"),
                org.assertj.core.groups.Tuple.tuple(3, 400, "malformed-request"));
    }

    /**
     * The body size limit ({@code RequestBodyLimitFilter}) stops a body as it is read: the lines read before it are
     * imported, the line being read is reported as too large, and nothing after it is read.
     */
    @Test
    void aBodyCutOffByTheSizeLimitKeepsTheLinesBeforeAndReportsTheLineItStoppedIn() throws IOException {
        String token = token();
        List<String> ids = ids(5);
        String[] lines = ids.stream().map(id -> account(id, "Cut " + ids.indexOf(id) + " " + token))
                .toArray(String[]::new);
        int limit = String.join("\n", List.of(lines).subList(0, 3)).length() + 10;

        ImportReport.Answer answer = importer.importAll(ImportedAccounts.TYPE, new LimitedBody(body(lines), limit), ADA);

        assertThat(answer.received()).isEqualTo(4);
        assertThat(answer.imported()).isEqualTo(3);
        assertThat(answer.errors()).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("line", 4).containsEntry("status", 413);
            assertThat((String) error.get("type")).endsWith("/payload-too-large");
        });
        assertThat(storedRows(ids.get(2))).isEqualTo(new StoredRows(1, 1, 1));
        assertThat(storedRows(ids.get(3))).isEqualTo(new StoredRows(0, 0, 0));
    }

    /** A body arriving 16 bytes at a time that fails as the size limit's stream does once more than a limit is read. */
    private static final class LimitedBody extends InputStream {
        private final InputStream body;
        private final int limit;
        private int read;

        LimitedBody(InputStream body, int limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read in chunks");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, Math.min(length, 16));
            read += Math.max(n, 0);
            if (read > limit) {
                throw ApiProblem.payloadTooLarge("The request body is larger than " + limit + " bytes.");
            }
            return n;
        }
    }

    /** A record's rows: its events, its directory listing and its match codes. */
    record StoredRows(int events, int listed, int matchCodes) {
    }

    /** Accounts here have a name only: one match code (under "same account name"). */
    private StoredRows storedRows(String id) {
        return new StoredRows(
                jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Integer.class, id),
                jdbc.queryForObject("SELECT count(*) FROM account_directory WHERE account_id = ?", Integer.class, id),
                jdbc.queryForObject("SELECT count(*) FROM duplicate_match_code WHERE record_id = CAST(? AS uuid)",
                        Integer.class, id));
    }

    @SuppressWarnings("unchecked")
    private static List<String> matchedAccountIds(Map<String, Object> error) {
        return ((List<Map<String, Object>>) error.get("matchedAccounts")).stream()
                .map(match -> (String) match.get("accountId")).toList();
    }

    private ImportReport.Answer importAccounts(String... lines) throws IOException {
        return importer.importAll(ImportedAccounts.TYPE, body(lines), ADA);
    }

    private static ByteArrayInputStream body(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String account(String id, String name) {
        return "{\"accountId\":\"" + id + "\",\"name\":\"" + name + "\"}";
    }

    private static String contact(String id, String lastName, String parentAccountId) {
        return "{\"contactId\":\"" + id + "\",\"lastName\":\"" + lastName + "\""
                + (parentAccountId == null ? "" : ",\"parentAccountId\":\"" + parentAccountId + "\"") + "}";
    }

    private static List<String> ids(int count) {
        return java.util.stream.Stream.generate(() -> UUID.randomUUID().toString()).limit(count).toList();
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
