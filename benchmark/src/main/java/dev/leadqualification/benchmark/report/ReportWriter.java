package dev.leadqualification.benchmark.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.leadqualification.benchmark.measure.LatencySummary;
import dev.leadqualification.benchmark.scenario.BulkQualification;
import dev.leadqualification.benchmark.scenario.QualificationLatency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a report into a directory: {@code benchmark.json} (everything), {@code benchmark.md} (a short table:
 * scenario, figure, value, ratio to the baseline, target, met) and two charts, {@code throughput.svg} (leads per second
 * beside the targets and the commit ceiling's 1/16) and {@code latency.svg} (percentiles of scenario 2).
 */
public final class ReportWriter {

    public static final String JSON_FILE = "benchmark.json";
    public static final String MARKDOWN_FILE = "benchmark.md";
    public static final String THROUGHPUT_CHART = "throughput.svg";
    public static final String LATENCY_CHART = "latency.svg";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static void write(Report report, Path directory) {
        try {
            Files.createDirectories(directory);
            JSON.writeValue(directory.resolve(JSON_FILE).toFile(), report);
            Files.writeString(directory.resolve(MARKDOWN_FILE), markdown(report), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(THROUGHPUT_CHART), throughputChart(report), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(LATENCY_CHART), latencyChart(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report to " + directory, e);
        }
    }

    static String markdown(Report report) {
        StringBuilder md = new StringBuilder();
        Machine machine = report.machine();
        md.append("# Benchmark of ").append(report.startedAt()).append("\n\n");
        md.append("Machine: ").append(machine.cores()).append(" cores, ").append(Numbers.format((double) machine.memoryMb()))
                .append(" MB memory, ").append(machine.java()).append(", ")
                .append(machine.postgresql() == null ? "PostgreSQL version not known" : machine.postgresql().split(" on ")[0])
                .append(". Baseline: PostgreSQL's commit ceiling measured in the same run; \"× baseline\" is a figure "
                        + "divided by it.\n\n");
        md.append("| scenario | figure | value | × baseline | target | met |\n");
        md.append("| --- | --- | ---: | ---: | --- | --- |\n");
        for (Figure figure : report.figures()) {
            row(md, figure);
        }
        md.append("\nTargets met: ").append(report.targetsMet()).append(" of ").append(report.targetCount());
        if (report.results().severalInstances == null) {
            md.append(". Memory: ").append(report.heapMeasure());
        }
        md.append(".\n\n");
        md.append("![throughput](").append(THROUGHPUT_CHART).append(") ![latency](").append(LATENCY_CHART).append(")\n");
        if (!report.errors().isEmpty()) {
            md.append("\n## Errors\n\n");
            report.errors().forEach(error -> md.append("- ").append(error.replace("\n", " ")).append('\n'));
        }
        md.append("\nParameters: ");
        md.append(String.join(", ", report.parameters().entrySet().stream()
                .filter(parameter -> !parameter.getValue().isBlank())
                .map(parameter -> "`--" + parameter.getKey() + " " + parameter.getValue() + "`").toList()));
        md.append(". All figures: `").append(JSON_FILE).append("`.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, Figure figure) {
        md.append("| ").append(figure.scenario())
                .append(" | ").append(figure.figure())
                .append(" | ").append(figure.value() == null ? "not measured" : Numbers.format(figure.value()) + " " + figure.unit())
                .append(" | ").append(figure.ratioToBaseline() == null ? "" : Numbers.format(figure.ratioToBaseline()))
                .append(" | ").append(figure.target() == null ? "" : figure.target())
                .append(" | ").append(figure.met() == null ? "" : figure.met() ? "yes" : "**no**")
                .append(figure.note() == null ? "" : " (" + figure.note() + ")")
                .append(" |\n");
    }

    static String throughputChart(Report report) {
        Results results = report.results();
        if (results.severalInstances != null) {
            BarChart chart = new BarChart("Several instances: leads qualified end to end per second", "leads/s", false);
            results.severalInstances.configurations.forEach(configuration -> chart.bar(
                    SeveralInstancesFigures.label(configuration), configuration.bulk().leadsPerSecond(),
                    configuration.leadCache() ? 0 : 1));
            bar(chart, "after the take-over (survivors)", results.severalInstances.afterTakeOver, 2);
            return chart.svg();
        }
        BarChart chart = new BarChart("Scenario 1: leads qualified end to end per second", "leads/s", false);
        bar(chart, "calls of " + report.parameters().get("batch") + ", empty store", results.bulkQualification.batch, 0);
        bar(chart, report.parameters().get("clients") + " clients, one lead per call", results.bulkQualification.clients, 0);
        bar(chart, "calls of " + report.parameters().get("batch") + ", during scenario 2",
                results.latency.underLoad == null ? null : results.latency.underLoad.load(), 1);
        bar(chart, "calls of " + report.parameters().get("batch") + ", at scale", results.scale.batchAtScale, 2);
        chart.reference("target", Targets.LEADS_PER_SECOND);
        Double baseline = results.baselineRowsPerSecond();
        chart.reference("commit ceiling ÷ 16", baseline == null ? null : baseline * Targets.SHARE_OF_COMMIT_CEILING);
        return chart.svg();
    }

    private static void bar(BarChart chart, String label, BulkQualification.Run run, int group) {
        chart.bar(label, run == null ? null : run.leadsPerSecond(), group);
    }

    static String latencyChart(Report report) {
        if (report.results().severalInstances != null) {
            BarChart chart = new BarChart("Several instances: single qualification, idle, time until ...",
                    "milliseconds", true);
            QualificationLatency.Run idle = report.results().severalInstances.idleLatency;
            percentiles(chart, "the answer", idle == null ? null : idle.answerMs(), 0);
            percentiles(chart, "completed", idle == null ? null : idle.completedMs(), 1);
            chart.reference("completed p99 target", SeveralInstancesFigures.IDLE_COMPLETED_P99_MS);
            return chart.svg();
        }
        BarChart chart = new BarChart("Scenario 2: single qualification, time until ...", "milliseconds", true);
        QualificationLatency.Run idle = report.results().latency.idle;
        QualificationLatency.Run loaded = report.results().latency.underLoad;
        percentiles(chart, "idle, the answer", idle == null ? null : idle.answerMs(), 0);
        percentiles(chart, "idle, completed", idle == null ? null : idle.completedMs(), 1);
        percentiles(chart, "under load, the answer", loaded == null ? null : loaded.answerMs(), 2);
        percentiles(chart, "under load, completed", loaded == null ? null : loaded.completedMs(), 3);
        chart.reference("idle answer p99 target", Targets.IDLE_ANSWER_P99_MS);
        chart.reference("idle completed p99 target", Targets.IDLE_COMPLETED_P99_MS);
        return chart.svg();
    }

    private static void percentiles(BarChart chart, String label, LatencySummary summary, int group) {
        chart.bar(label + " p50", summary == null ? null : summary.p50(), group);
        chart.bar(label + " p95", summary == null ? null : summary.p95(), group);
        chart.bar(label + " p99", summary == null ? null : summary.p99(), group);
    }
}
