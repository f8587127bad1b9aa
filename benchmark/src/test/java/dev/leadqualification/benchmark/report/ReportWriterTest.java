package dev.leadqualification.benchmark.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.benchmark.baseline.CommitCeiling;
import dev.leadqualification.benchmark.measure.HeapUsage;
import dev.leadqualification.benchmark.measure.LatencySummary;
import dev.leadqualification.benchmark.measure.TransactionRate;
import dev.leadqualification.benchmark.scenario.BulkImport;
import dev.leadqualification.benchmark.scenario.BulkQualification;
import dev.leadqualification.benchmark.scenario.QualificationLatency;
import dev.leadqualification.benchmark.scenario.SeveralInstances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void everyTargetHasAValueAndWhetherItWasMet() throws Exception {
        ReportWriter.write(report(), directory);

        JsonNode json = JSON.readTree(directory.resolve(ReportWriter.JSON_FILE).toFile());
        int targets = 0;
        for (JsonNode figure : json.path("figures")) {
            assertThat(figure.has("value")).as(figure.toString()).isTrue();
            if (!figure.path("target").isNull()) {
                targets++;
                assertThat(figure.path("met").isBoolean()).as(figure.toString()).isTrue();
            }
        }
        // 4 of scenario 1, 2 of 2, 4 of 3 (one import here), 3 of the replay, heap (one service here)
        assertThat(targets).isEqualTo(json.path("targetCount").asInt()).isEqualTo(14);
        assertThat(json.path("targetsMet").asInt()).isEqualTo(5);
        JsonNode batch = target(json, "calls of 1000 leads: leads qualified end to end");
        assertThat(batch.path("value").asDouble()).isEqualTo(1250.0);
        assertThat(batch.path("ratioToBaseline").asDouble()).isEqualTo(0.1);
        assertThat(batch.path("met").asBoolean()).isTrue();
        assertThat(target(json, "calls of 1000 leads: share of the commit ceiling").path("met").asBoolean()).isTrue();
        assertThat(target(json, "idle: answer p99").path("met").asBoolean()).isFalse();
        assertThat(target(json, "idle: completed p99").path("met").asBoolean()).isTrue();
        assertThat(target(json, "command-side: peak heap used (-Xmx512m)").path("value").asDouble()).isEqualTo(300.0);
    }

    @Test
    void whatWasNotMeasuredIsNotMetAndSaysSo() throws Exception {
        ReportWriter.write(report(), directory);

        JsonNode json = JSON.readTree(directory.resolve(ReportWriter.JSON_FILE).toFile());
        JsonNode replay = target(json, "replay of ? events");
        assertThat(replay.path("value").isNull()).isTrue();
        assertThat(replay.path("met").asBoolean()).isFalse();
        assertThat(replay.path("note").asText()).isEqualTo("not measured");
        assertThat(json.path("errors").get(0).asText()).isEqualTo("4 replay: the query side did not answer");
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        assertThat(json.path("parameters").path("leads").asText()).isEqualTo("10000");
        assertThat(json.path("results").path("bulkQualification").path("batch").path("leads").asInt()).isEqualTo(10_000);
    }

    @Test
    void theMarkdownTableHasARowPerFigure() throws Exception {
        ReportWriter.write(report(), directory);

        String markdown = Files.readString(directory.resolve(ReportWriter.MARKDOWN_FILE));
        assertThat(markdown)
                .contains("| scenario | figure | value | × baseline | target | met |")
                .contains("| 1 bulk qualification | calls of 1000 leads: leads qualified end to end | 1,250 leads/s | 0.100 "
                        + "| ≥ 1,000 leads/s | yes |")
                .contains("| 2 latency | idle: answer p99 | 60.0 ms |  | ≤ 50 ms | **no** |")
                .contains("| 4 replay | replay of ? events | not measured |  | ≥ 50,000 events/s | **no** (not measured) |")
                .contains("| baseline | PostgreSQL commit ceiling (16 JDBC threads, single-row commits) | 12,500 rows/s | 1.0 |")
                .contains("## Errors\n\n- 4 replay: the query side did not answer")
                .contains("`--leads 10000`");
    }

    @Test
    void theChartsAreSvgWithABarPerMeasuredValue() throws Exception {
        ReportWriter.write(report(), directory);

        Document throughput = svg(directory.resolve(ReportWriter.THROUGHPUT_CHART));
        assertThat(throughput.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(throughput.getElementsByTagName("rect").getLength()).isEqualTo(1 + 1); // background + the batch run
        assertThat(throughput.getElementsByTagName("line").getLength()).isEqualTo(2); // target and ceiling ÷ 16
        Document latency = svg(directory.resolve(ReportWriter.LATENCY_CHART));
        assertThat(latency.getElementsByTagName("rect").getLength()).isEqualTo(1 + 6); // idle: 3 percentiles × 2 times
        assertThat(latency.getElementsByTagName("line").getLength()).isEqualTo(2 + 2); // targets; ticks at 10 and 100 ms
    }

    @Test
    void theSeveralInstancesScenarioReportsItsOwnFigures() throws Exception {
        Results results = new Results();
        results.baseline = new CommitCeiling.Result(16, 10.0, 100_000, 10_000);
        Results.SeveralInstancesScenario several = new Results.SeveralInstancesScenario();
        several.configurations.add(configuration(1, true, 500));
        several.configurations.add(configuration(1, false, 400));
        several.configurations.add(configuration(2, true, 450));
        several.idleLatency = new QualificationLatency.Run(new LatencySummary(100, 8, 12, 15, 16, 9),
                new LatencySummary(100, 20, 28, 30, 35, 21), null);
        several.idleTransactions = new TransactionRate(60, 600, 1, 10);
        several.takeOvers.add(new SeveralInstances.TakeOver("command-side", "command-side/h/a", 2, 12.5));
        results.severalInstances = several;

        ReportWriter.write(Report.of("2025-01-01T10:00:00Z", "2025-01-01T10:10:00Z",
                Machine.current("PostgreSQL 15.20 on x86_64"), Map.of("scenario", "several-instances"), results), directory);

        JsonNode json = JSON.readTree(directory.resolve(ReportWriter.JSON_FILE).toFile());
        assertThat(json.path("targetCount").asInt()).isEqualTo(1);
        JsonNode completed = target(json, "idle: single qualify, completed p99");
        assertThat(completed.path("value").asDouble()).isEqualTo(30.0);
        assertThat(completed.path("met").asBoolean()).isFalse();
        String markdown = Files.readString(directory.resolve(ReportWriter.MARKDOWN_FILE));
        assertThat(markdown)
                .contains("| several instances | 2+2 instances, lead cache on: leads qualified end to end | 450 leads/s | 0.045 |")
                .contains("| several instances | lead cache off ÷ on (1+1) | 0.800 × |")
                .contains("| several instances | 2+2 instances, lead cache on ÷ 1+1 (lead cache on) | 0.900 × |")
                .contains("| several instances | idle: transactions per second (each a statement or a few) | 10.0 /s |")
                .contains("| several instances | command-side killed (SIGKILL): its 2 segments taken over after | 12.5 s |")
                .doesNotContain("1 bulk qualification").doesNotContain("Memory:");
        assertThat(svg(directory.resolve(ReportWriter.THROUGHPUT_CHART)).getElementsByTagName("rect").getLength())
                .isEqualTo(1 + 3);
    }

    private static SeveralInstances.Configuration configuration(int instances, boolean leadCache, double leadsPerSecond) {
        BulkQualification.Run bulk = new BulkQualification.Run("batch", 1000, 250, 2, 400,
                new LatencySummary(4, 500, 600, 600, 600, 520), 1.5, 1000 / leadsPerSecond, leadsPerSecond, 1000, 0, 1000);
        return new SeveralInstances.Configuration(instances, instances, leadCache, List.of(), bulk);
    }

    private static Report report() {
        Results results = new Results();
        results.baseline = new CommitCeiling.Result(16, 10.0, 125_000, 12_500);
        LatencySummary calls = new LatencySummary(10, 800, 900, 950, 960, 820);
        results.bulkQualification.batch = new BulkQualification.Run("batch", 10_000, 1000, 1, 900, calls, 7.5, 8.0,
                1250, 10_000, 0, 10_000);
        results.latency.idle = new QualificationLatency.Run(new LatencySummary(200, 12, 30, 60, 70, 15),
                new LatencySummary(200, 80, 150, 200, 240, 90), null);
        results.scale.imports.add(new BulkImport.Run("accounts", 1_000_000, 1_000_000, 20, 1, 40, 25_000));
        results.memory = List.of(new HeapUsage("command-side", "512m", 40, 0, 300.0, 120.0, false));
        results.errors.add("4 replay: the query side did not answer");
        return Report.of("2025-01-01T10:00:00Z", "2025-01-01T10:30:00Z", Machine.current("PostgreSQL 15.20 on x86_64"),
                Map.of("leads", "10000", "batch", "1000", "clients", "16"), results);
    }

    private static JsonNode target(JsonNode report, String figure) {
        for (JsonNode target : report.path("figures")) {
            if (target.path("figure").asText().equals(figure) && !target.path("target").isNull()) {
                return target;
            }
        }
        throw new AssertionError("No target " + figure + " in " + report.path("figures"));
    }

    private static Document svg(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
