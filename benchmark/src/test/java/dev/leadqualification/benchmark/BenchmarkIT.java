package dev.leadqualification.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.benchmark.measure.HeapUsage;
import dev.leadqualification.benchmark.report.Report;
import dev.leadqualification.benchmark.report.ReportWriter;
import dev.leadqualification.benchmark.report.Results;
import dev.leadqualification.benchmark.scenario.BulkImport;
import dev.leadqualification.benchmark.scenario.BulkQualification;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The whole benchmark at a small size, on its own fresh database with both services started as processes: every
 * scenario runs to its end, counts what it should, and the report is written. Timings are never asserted (that is
 * the report's job), only that each target has a value and a verdict.
 */
class BenchmarkIT {

    /** Two parts of the lead list ({@link dev.leadqualification.benchmark.data.TestData#LEADS_PER_PART}), one not full. */
    private static final int LEADS = 250;
    private static final int WARMUP_LEADS = 20;
    private static final int LATENCY_SAMPLES = 20;
    private static final int DUPLICATE_CHECKS = 50;
    private static final int RECORDS = 2_000;

    private final Path output = Path.of("target", "benchmark-it").toAbsolutePath();

    @Test
    void runsEveryScenarioAndReportsEveryTarget() throws Exception {
        Report report = Benchmark.run(BenchmarkOptions.parse(
                "--leads", "" + LEADS, "--batch", "50", "--clients", "4", "--creation-clients", "4",
                "--latency-samples", "" + LATENCY_SAMPLES, "--duplicate-checks", "" + DUPLICATE_CHECKS,
                "--duplicate-warmup", "" + DUPLICATE_CHECKS, "--warmup", "" + WARMUP_LEADS,
                "--warmup-rounds", "2",
                "--accounts", "" + RECORDS, "--contacts", "" + RECORDS, "--import-batch", "500", "--import-clients", "2",
                "--baseline-seconds", "1", "--timeout-minutes", "5",
                "--command-jar", System.getProperty("commandSideJar", "../command-side/target/command-side.jar"),
                "--query-jar", System.getProperty("querySideJar", "../query-side/target/query-side.jar"),
                "--output", output.toString()));

        assertThat(report.errors()).isEmpty();
        Results results = report.results();
        assertThat(results.baseline.rows()).isPositive();
        assertThat(results.bulkQualification.warmup).hasSize(2).allSatisfy(round -> {
            assertThat(round.completed()).isEqualTo(WARMUP_LEADS);
            assertThat(round.opportunitiesVerified()).isEqualTo(WARMUP_LEADS);
        });
        everyLeadCompleted(results.bulkQualification.batch, 50);
        everyLeadCompleted(results.bulkQualification.clients, 1);
        everyLeadCompleted(results.latency.underLoad.load(), 50);
        everyLeadCompleted(results.scale.batchAtScale, 50);
        assertThat(results.latency.idle.answerMs().count()).isEqualTo(LATENCY_SAMPLES);
        assertThat(results.latency.idle.completedMs().count()).isEqualTo(LATENCY_SAMPLES);
        assertThat(results.latency.underLoad.completedMs().count()).isBetween(1, LATENCY_SAMPLES);
        assertThat(results.scale.imports).extracting(BulkImport.Run::entity, BulkImport.Run::imported)
                .containsExactly(tuple("accounts", (long) RECORDS),
                        tuple("contacts", (long) RECORDS));
        assertThat(results.scale.duplicateCheckOnEmptyStore.accountMs().count()).isEqualTo(DUPLICATE_CHECKS);
        assertThat(results.scale.duplicateCheckAtScale.contactMs().count()).isEqualTo(DUPLICATE_CHECKS);
        // every record created above is in the store: 2 import sets, 5 sets of leads (3 events at least each)
        assertThat(results.replay.events()).isGreaterThan(2L * RECORDS + 3L * 5 * LEADS);
        assertThat(results.replay.projections()).isPositive();
        assertThat(results.memory).extracting(HeapUsage::service).containsExactly("command-side", "query-side");

        JsonNode json = new ObjectMapper().readTree(output.resolve(ReportWriter.JSON_FILE).toFile());
        assertThat(json.path("targetCount").asInt()).isEqualTo(report.targets().size()).isPositive();
        for (JsonNode figure : json.path("figures")) {
            assertThat(figure.path("value").isNumber()).as("value of " + figure).isTrue();
            if (!figure.path("target").isNull()) {
                assertThat(figure.path("met").isBoolean()).as("met of " + figure).isTrue();
            }
        }
        assertThat(json.path("machine").path("postgresql").asText()).startsWith("PostgreSQL");
        assertThat(Files.readString(output.resolve(ReportWriter.MARKDOWN_FILE))).contains("| scenario | figure |");
        assertThat(output.resolve(ReportWriter.THROUGHPUT_CHART)).exists();
        assertThat(output.resolve(ReportWriter.LATENCY_CHART)).exists();
    }

    private static void everyLeadCompleted(BulkQualification.Run run, int leadsPerCall) {
        assertThat(run.leads()).isEqualTo(LEADS);
        assertThat(run.leadsPerCall()).isEqualTo(leadsPerCall);
        assertThat(run.completed()).isEqualTo(LEADS);
        assertThat(run.failed()).isZero();
        assertThat(run.opportunitiesVerified()).isEqualTo(LEADS);
        assertThat(run.answerMs().count()).isEqualTo(LEADS / leadsPerCall);
    }
}
