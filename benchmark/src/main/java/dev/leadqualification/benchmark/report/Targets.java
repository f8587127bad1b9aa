package dev.leadqualification.benchmark.report;

import dev.leadqualification.benchmark.baseline.ReadTableLoad;
import dev.leadqualification.benchmark.measure.HeapUsage;
import dev.leadqualification.benchmark.measure.LatencySummary;
import dev.leadqualification.benchmark.scenario.BulkImport;
import dev.leadqualification.benchmark.scenario.BulkQualification;
import dev.leadqualification.benchmark.scenario.DuplicateCheck;
import dev.leadqualification.benchmark.scenario.ProjectionReplay;
import dev.leadqualification.benchmark.scenario.QualificationLatency;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The report's headline figures: the targets, each met or not, and the figures beside them; those of the
 * several-instances scenario instead when it was the one run ({@link SeveralInstancesFigures}).
 */
public final class Targets {

    static final double LEADS_PER_SECOND = 1_000;
    static final double SHARE_OF_COMMIT_CEILING = 1.0 / 16;
    static final double IDLE_ANSWER_P99_MS = 50;
    static final double IDLE_COMPLETED_P99_MS = 250;
    static final double IMPORT_RECORDS_PER_SECOND = 20_000;
    static final double DUPLICATE_CHECK_P99_MS = 5;
    static final double THROUGHPUT_AT_SCALE_SHARE = 0.9;
    static final double REPLAY_EVENTS_PER_SECOND = 50_000;
    static final double REPLAY_OVER_LOAD = 2;
    static final double REPLAY_READ_P99_OVER_IDLE = 2;
    static final double HEAP_MB = 512;

    static final String S1 = "1 bulk qualification";
    static final String S2 = "2 latency";
    static final String S3 = "3 scale";
    static final String S4 = "4 replay";
    static final String S5 = "5 memory";

    private Targets() {
    }

    public static List<Figure> figures(Results results) {
        Double baseline = results.baselineRowsPerSecond();
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("baseline", "PostgreSQL commit ceiling (" + (results.baseline == null ? "?"
                : results.baseline.threads()) + " JDBC threads, single-row commits)", baseline, "rows/s").withRatioTo(baseline));
        if (results.severalInstances != null) {
            SeveralInstancesFigures.add(figures, results.severalInstances, baseline);
            return figures;
        }
        if (results.replayOnly) {
            replay(figures, results.replay, baseline);
            return figures;
        }

        BulkQualification.Run batch = results.bulkQualification.batch;
        BulkQualification.Run clients = results.bulkQualification.clients;
        throughput(figures, S1, "calls of " + (batch == null ? "?" : batch.leadsPerCall()) + " leads", batch, baseline);
        throughput(figures, S1, (clients == null ? "?" : clients.clients()) + " clients, one lead per call", clients, baseline);
        List<BulkQualification.Run> warmup = results.bulkQualification.warmup;
        if (!warmup.isEmpty()) {
            BulkQualification.Run first = warmup.get(0);
            BulkQualification.Run last = warmup.get(warmup.size() - 1);
            figures.add(Figure.of(S1, "warm-up: first set of " + first.leads() + " leads after the start",
                    first.leadsPerSecond(), "leads/s").withRatioTo(baseline));
            figures.add(Figure.of(S1, "warm-up: last set of " + last.leads() + " leads (set " + warmup.size() + ")",
                    last.leadsPerSecond(), "leads/s").withRatioTo(baseline));
        }

        QualificationLatency.Run idle = results.latency.idle;
        QualificationLatency.Run loaded = results.latency.underLoad;
        figures.add(latency(S2, "idle: answer p99", idle, QualificationLatency.Run::answerMs, LatencySummary::p99)
                .atMost(IDLE_ANSWER_P99_MS, "≤ 50 ms"));
        figures.add(latency(S2, "idle: completed p99", idle, QualificationLatency.Run::completedMs, LatencySummary::p99)
                .atMost(IDLE_COMPLETED_P99_MS, "≤ 250 ms"));
        figures.add(latency(S2, "idle: answer p50", idle, QualificationLatency.Run::answerMs, LatencySummary::p50));
        figures.add(latency(S2, "idle: completed p50", idle, QualificationLatency.Run::completedMs, LatencySummary::p50));
        figures.add(latency(S2, "under load: answer p99", loaded, QualificationLatency.Run::answerMs, LatencySummary::p99));
        figures.add(latency(S2, "under load: completed p99", loaded, QualificationLatency.Run::completedMs, LatencySummary::p99));
        figures.add(latency(S2, "under load: answer p50", loaded, QualificationLatency.Run::answerMs, LatencySummary::p50));
        figures.add(latency(S2, "under load: completed p50", loaded, QualificationLatency.Run::completedMs, LatencySummary::p50));
        figures.add(Figure.of(S2, "the load meanwhile: leads qualified end to end",
                loaded == null ? null : loaded.load().leadsPerSecond(), "leads/s").withRatioTo(baseline));

        for (BulkImport.Run run : results.scale.imports) {
            figures.add(Figure.of(S3, "import of " + run.records() + " " + run.entity(), run.recordsPerSecond(), "records/s")
                    .withRatioTo(baseline).atLeast(IMPORT_RECORDS_PER_SECOND, "≥ 20,000 records/s"));
        }
        if (results.scale.imports.isEmpty()) {
            figures.add(Figure.of(S3, "import", null, "records/s").atLeast(IMPORT_RECORDS_PER_SECOND, "≥ 20,000 records/s"));
        }
        figures.add(Figure.of(S3, "import until the query side shows it", results.scale.importProjectedEventsPerSecond,
                "events/s").withRatioTo(baseline));
        DuplicateCheck.Run empty = results.scale.duplicateCheckOnEmptyStore;
        DuplicateCheck.Run atScale = results.scale.duplicateCheckAtScale;
        figures.add(Figure.of(S3, "duplicate check p99, empty store (accounts, contacts: worse)",
                empty == null ? null : empty.p99(), "ms"));
        figures.add(Figure.of(S3, "duplicate check p99 at scale (accounts)",
                atScale == null ? null : atScale.accountMs().p99(), "ms").atMost(DUPLICATE_CHECK_P99_MS, "≤ 5 ms"));
        figures.add(Figure.of(S3, "duplicate check p99 at scale (contacts)",
                atScale == null ? null : atScale.contactMs().p99(), "ms").atMost(DUPLICATE_CHECK_P99_MS, "≤ 5 ms"));
        BulkQualification.Run batchAtScale = results.scale.batchAtScale;
        figures.add(Figure.of(S3, "bulk qualification at scale", batchAtScale == null ? null : batchAtScale.leadsPerSecond(),
                "leads/s").withRatioTo(baseline));
        figures.add(Figure.of(S3, "bulk qualification at scale ÷ on the empty store",
                batchAtScale == null || batch == null ? null : batchAtScale.leadsPerSecond() / batch.leadsPerSecond(), "×")
                .atLeast(THROUGHPUT_AT_SCALE_SHARE, "≥ 0.9 (within 10%)"));

        replay(figures, results.replay, baseline);

        if (results.memory == null || results.memory.isEmpty()) {
            figures.add(Figure.of(S5, "peak heap used", null, "MB").withNote(results.memory == null ? null
                    : "not measured: the services run elsewhere").atMost(HEAP_MB, "≤ 512 MB per service"));
        } else {
            for (HeapUsage heap : results.memory) {
                figures.add(Figure.of(S5, heap.service() + ": peak heap used (-Xmx" + heap.maxHeap() + ")", heap.peakUsedMb(), "MB")
                        .withNote(heap.outOfMemory() ? "ran out of memory" : null)
                        .withTarget("≤ 512 MB per service", heap.peakUsedMb() != null && heap.peakUsedMb() <= HEAP_MB
                                && !heap.outOfMemory()));
                figures.add(Figure.of(S5, heap.service() + ": most heap kept alive (after a collection)",
                        heap.maxAfterCollectionMb(), "MB"));
            }
        }
        return figures;
    }

    /**
     * Scenario 4: events/s of a replay (request to switch), PostgreSQL's own rate of loading the rows it wrote (COPY
     * into tables with the same keys and indexes), and the live reads' latency during the rebuild against idle.
     */
    private static void replay(List<Figure> figures, ProjectionReplay.Run replay, Double baseline) {
        figures.add(Figure.of(S4, "replay of " + (replay == null ? "?" : replay.events()) + " events",
                replay == null ? null : replay.eventsPerSecond(), "events/s")
                .withRatioTo(baseline).atLeast(REPLAY_EVENTS_PER_SECOND, "≥ 50,000 events/s"));
        ReadTableLoad.Load load = replay == null ? null : replay.load();
        figures.add(Figure.of(S4, "PostgreSQL loading the replay's " + (load == null ? "?" : load.rows())
                + " read rows (COPY, same keys and indexes)", load == null ? null : load.rowsPerSecond(), "rows/s"));
        figures.add(Figure.of(S4, "replay seconds ÷ COPY seconds for the same rows",
                replay == null ? null : replay.secondsOverLoadSeconds(), "×").atMost(REPLAY_OVER_LOAD, "≤ 2"));
        LatencySummary idle = replay == null ? null : replay.idleReads();
        LatencySummary during = replay == null ? null : replay.readsDuringRebuild();
        figures.add(Figure.of(S4, "lead read p99, idle", idle == null ? null : idle.p99(), "ms"));
        figures.add(Figure.of(S4, "lead read p99 during the rebuild", during == null ? null : during.p99(), "ms"));
        figures.add(Figure.of(S4, "lead read p99 during the rebuild ÷ idle",
                idle == null || during == null ? null : during.p99() / idle.p99(), "×")
                .atMost(REPLAY_READ_P99_OVER_IDLE, "≤ 2"));
    }

    private static void throughput(List<Figure> figures, String scenario, String variant, BulkQualification.Run run,
                                   Double baseline) {
        Double leadsPerSecond = run == null ? null : run.leadsPerSecond();
        Figure throughput = Figure.of(scenario, variant + ": leads qualified end to end", leadsPerSecond, "leads/s")
                .withRatioTo(baseline);
        figures.add(throughput.atLeast(LEADS_PER_SECOND, "≥ 1,000 leads/s"));
        figures.add(Figure.of(scenario, variant + ": share of the commit ceiling", throughput.ratioToBaseline(), "×")
                .atLeast(SHARE_OF_COMMIT_CEILING, "≥ 1/16 = 0.0625"));
    }

    private static Figure latency(String scenario, String figure, QualificationLatency.Run run,
                                  Function<QualificationLatency.Run, LatencySummary> times,
                                  Function<LatencySummary, Double> percentile) {
        LatencySummary summary = run == null ? null : times.apply(run);
        return Figure.of(scenario, figure, summary == null ? null : percentile.apply(summary), "ms");
    }
}
