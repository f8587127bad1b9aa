package dev.leadqualification.benchmark;

import dev.leadqualification.benchmark.baseline.CommitCeiling;
import dev.leadqualification.benchmark.data.TestData;
import dev.leadqualification.benchmark.report.Machine;
import dev.leadqualification.benchmark.report.Report;
import dev.leadqualification.benchmark.report.ReportWriter;
import dev.leadqualification.benchmark.report.Results;
import dev.leadqualification.benchmark.scenario.BulkImport;
import dev.leadqualification.benchmark.scenario.BulkQualification;
import dev.leadqualification.benchmark.scenario.DuplicateCheck;
import dev.leadqualification.benchmark.scenario.ProjectionReplay;
import dev.leadqualification.benchmark.scenario.QualificationLatency;
import dev.leadqualification.benchmark.scenario.ScenarioContext;
import dev.leadqualification.benchmark.scenario.ServiceMemory;
import dev.leadqualification.benchmark.scenario.SeveralInstances;
import dev.leadqualification.benchmark.scenario.WarmUp;
import dev.leadqualification.benchmark.system.BenchmarkDatabase;
import dev.leadqualification.benchmark.system.InstancesInDatabase;
import dev.leadqualification.benchmark.system.JdbcTarget;
import dev.leadqualification.benchmark.system.SystemUnderTest;
import dev.leadqualification.benchmark.system.TableStatistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The benchmark: PostgreSQL's commit ceiling (the baseline), then scenarios 1–5 of the benchmark issue against
 * both services (started here on a fresh database, or given by URL), or with {@code --scenario several-instances}
 * the several-instances scenario (issue 20), then the report in {@code --output}.
 * A part that fails is recorded in the report's errors and the run goes on where it can; the exit code is 1 when
 * anything failed, 2 for wrong options, else 0 (targets not met are no failure: the report says which).
 */
public final class Benchmark {

    /** Names of the sets of records each part creates (letters only; none begins another). */
    static final String SEED = "seed";
    /** The warm-up rounds' sets add a letter each. */
    static final String WARMUP = "warmup";
    static final String BATCH = "batch";
    static final String CLIENTS = "clients";
    static final String IDLE_PROBES = "idleprobe";
    static final String LOAD_PROBES = "loadprobe";
    static final String LOAD = "underload";
    static final String IMPORTED = "imported";
    static final String AT_SCALE = "atscale";
    /** The several-instances scenario's sets: one label per configuration, then the probes and the check after a kill. */
    static final String ONE_OF_EACH = "single";
    static final String UNCACHED = "nocache";
    static final String SEVERAL_OF_EACH = "several";
    static final String SEVERAL_PROBES = "manyprobe";
    static final String AFTER_KILL = "afterkill";
    /** How long the system is left alone before its idle transactions are counted. */
    static final Duration IDLE_SETTLE = Duration.ofSeconds(10);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Benchmark() {
    }

    public static void main(String[] arguments) {
        if (arguments.length > 0 && (arguments[0].equals("--help") || arguments[0].equals("-h"))) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(arguments);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(options);
        System.out.println();
        System.out.println("Report: " + options.output().resolve(ReportWriter.MARKDOWN_FILE) + " (all figures: "
                + ReportWriter.JSON_FILE + ")");
        report.errors().forEach(error -> System.out.println("ERROR " + error));
        System.exit(report.errors().isEmpty() ? 0 : 1);
    }

    /** Runs everything and writes the report into the options' output directory; returns it. */
    public static Report run(BenchmarkOptions options) {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Results results = new Results();
        if (options.severalInstances()) {
            results.severalInstances = new Results.SeveralInstancesScenario();
        }
        String postgresqlVersion = null;
        BenchmarkDatabase ownDatabase = null;
        try {
            if (!options.servicesGiven()) {
                ownDatabase = BenchmarkDatabase.create(options.postgresUrl(), options.postgresUser(),
                        options.postgresPassword(), options.keepDatabase());
                say("fresh database " + ownDatabase.name() + (ownDatabase.isEmbedded() ? " (embedded PostgreSQL)" : ""));
            }
            Optional<JdbcTarget> database = ownDatabase != null ? Optional.of(ownDatabase.target())
                    : options.jdbcUrl().map(url -> new JdbcTarget(url, options.jdbcUser(), options.jdbcPassword()));
            postgresqlVersion = database.map(JdbcTarget::serverVersion).orElse(null);
            database.ifPresentOrElse(
                    target -> step(results, "baseline", () -> {
                        say("baseline: " + options.baselineThreads() + " JDBC threads committing single-row inserts for "
                                + options.baselineDuration().toSeconds() + " s");
                        results.baseline = CommitCeiling.measure(target, options.baselineThreads(), options.baselineDuration());
                    }),
                    () -> say("baseline: not measured (no --jdbc-url)"));
            say(ownDatabase != null ? "starting both services" : "using the services at " + options.commandUrl()
                    + " and " + options.queryUrl());
            ServiceMemory memory = null;
            try (SystemUnderTest system = ownDatabase != null
                    ? SystemUnderTest.start(options, ownDatabase.target(), logs(options))
                    : SystemUnderTest.given(options);
                 TableStatistics statistics = TableStatistics.keptCurrentIn(database, Benchmark::say)) {
                ScenarioContext context = new ScenarioContext(system, TestData.forNewRun(), options);
                if (options.severalInstances()) {
                    severalInstances(context, results, statistics);
                } else if (options.replayOnly()) {
                    replayOnly(context, results, statistics);
                } else {
                    memory = scenarios(context, results, statistics);
                }
            }
            if (memory != null) {
                ServiceMemory watched = memory;
                step(results, "5 memory", () -> results.memory = watched.usage());
            }
        } catch (RuntimeException failure) {
            results.errors.add("run: " + failure.getMessage());
        } finally {
            if (ownDatabase != null) {
                ownDatabase.close();
            }
        }
        Report report = Report.of(startedAt, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Machine.current(postgresqlVersion), options.asParameters(), results);
        ReportWriter.write(report, options.output());
        return report;
    }

    /** Scenarios 1–4; returns the watch of scenario 5, to be read once the services have stopped. */
    private static ServiceMemory scenarios(ScenarioContext context, Results results, TableStatistics statistics) {
        BenchmarkOptions options = context.options();
        step(results, "3 duplicate check on the empty store", () -> {
            say("scenario 3: duplicate checks on the (nearly) empty store");
            results.scale.duplicateCheckOnEmptyStore = DuplicateCheck.onEmptyStore(context, SEED);
        });
        if (options.warmup() > 0) {
            step(results, "warm-up", () -> {
                say("warm-up: qualifying " + options.warmupRounds() + " sets of " + options.warmup() + " leads");
                results.bulkQualification.warmup.addAll(WarmUp.rounds(context, WARMUP, options.warmup(),
                        options.warmupRounds()));
            });
        }
        ServiceMemory memory = ServiceMemory.startWatching(context.system());
        step(results, "1 bulk qualification in calls", () -> {
            say("scenario 1: " + options.leads() + " leads in calls of " + options.batch());
            results.bulkQualification.batch = BulkQualification.inBatches(context, BATCH, options.leads());
        });
        step(results, "1 bulk qualification by clients", () -> {
            say("scenario 1: " + options.leads() + " leads, " + options.clients() + " clients, one lead per call");
            results.bulkQualification.clients = BulkQualification.onePerCall(context, CLIENTS, options.leads());
        });
        step(results, "2 latency, idle", () -> {
            say("scenario 2: " + options.latencySamples() + " single qualifications, system idle");
            results.latency.idle = QualificationLatency.idle(context, IDLE_PROBES, options.latencySamples());
        });
        step(results, "2 latency, under load", () -> {
            say("scenario 2: single qualifications while " + options.leads() + " leads are qualified in calls");
            results.latency.underLoad = QualificationLatency.underLoad(context, LOAD_PROBES, options.latencySamples(),
                    LOAD, options.leads());
        });
        boolean imported = step(results, "3 import", () -> {
            say("scenario 3: importing " + options.accounts() + " accounts and " + options.contacts() + " contacts");
            BulkImport.Preload preload = BulkImport.preload(context, IMPORTED, options.accounts(), options.contacts());
            results.scale.imports.addAll(preload.imports());
            results.scale.importProjectedEventsPerSecond = preload.projectedEventsPerSecond();
            statistics.analyzeChangedTables();
        });
        if (imported && options.accounts() > 0 && options.contacts() > 0) {
            step(results, "3 duplicate check at scale", () -> {
                say("scenario 3: duplicate checks against the imported records");
                results.scale.duplicateCheckAtScale = DuplicateCheck.atScale(context, IMPORTED, options.accounts(),
                        options.contacts());
            });
        }
        if (imported) {
            step(results, "3 bulk qualification at scale", () -> {
                say("scenario 3: " + options.leads() + " leads in calls of " + options.batch() + " at scale");
                results.scale.batchAtScale = BulkQualification.inBatches(context, AT_SCALE, options.leads());
            });
        }
        step(results, "4 replay", () -> {
            say("scenario 4: replaying every projection");
            results.replay = ProjectionReplay.run(context);
        });
        return memory;
    }

    /** The replay scenario: a store of imported records and qualified leads, then scenario 4 alone. */
    private static void replayOnly(ScenarioContext context, Results results, TableStatistics statistics) {
        BenchmarkOptions options = context.options();
        results.replayOnly = true;
        boolean stored = step(results, "replay: the store", () -> {
            say("replay: importing " + options.accounts() + " accounts and " + options.contacts() + " contacts, "
                    + "qualifying " + options.leads() + " leads in calls of " + options.batch());
            BulkImport.preload(context, IMPORTED, options.accounts(), options.contacts());
            BulkQualification.inBatches(context, BATCH, options.leads());
            statistics.analyzeChangedTables();
        });
        if (stored) {
            step(results, "4 replay", () -> {
                say("scenario 4: replaying every projection beside the live read models");
                results.replay = ProjectionReplay.run(context);
            });
        }
    }

    /**
     * The several-instances scenario: bulk qualification with one instance of each side, its lead cache on and then
     * off, then with {@code --instances} of each (cache on): their segments spread, idle latency, idle transactions,
     * and the take-over of the segments of one instance of each side killed with SIGKILL.
     */
    private static void severalInstances(ScenarioContext context, Results results, TableStatistics statistics) {
        BenchmarkOptions options = context.options();
        Results.SeveralInstancesScenario several = results.severalInstances;
        int instances = options.instances();
        try (InstancesInDatabase database = InstancesInDatabase.of(context.system().database().orElseThrow())) {
            if (configuration(context, results, statistics, ONE_OF_EACH, 1, true)
                    && step(results, "several instances: 1+1, lead cache off", () -> {
                        say("several instances: the command side again, with its lead cache off");
                        SeveralInstances.runAs(context, 1, 1, false);
                    })) {
                configuration(context, results, statistics, UNCACHED, 1, false);
            }
            boolean started = step(results, "several instances: start " + instances + "+" + instances, () -> {
                say("several instances: " + instances + " instances of each side (lead cache on)");
                SeveralInstances.runAs(context, instances, instances, true);
                several.secondsUntilBalanced = SeveralInstances.awaitBalanced(context, database);
                say("several instances: segments spread " + seconds(several.secondsUntilBalanced)
                        + " s after the last instance was healthy");
            });
            if (!started) {
                return;
            }
            configuration(context, results, statistics, SEVERAL_OF_EACH, instances, true);
            step(results, "several instances: latency, idle", () -> {
                say("several instances: " + options.latencySamples() + " single qualifications, system idle");
                several.idleLatency = QualificationLatency.idle(context, SEVERAL_PROBES, options.latencySamples());
            });
            step(results, "several instances: idle transactions", () -> {
                // the periodic ANALYZE would be counted too; nothing measured later needs fresh statistics
                statistics.close();
                say("several instances: transactions of the idle system over " + options.idleWindow().toSeconds() + " s");
                several.idleTransactions = SeveralInstances.idleTransactions(context, database, IDLE_SETTLE,
                        options.idleWindow());
            });
            boolean killed = step(results, "several instances: take-over", () -> {
                say("several instances: killing one instance of each side (SIGKILL)");
                several.takeOvers.addAll(SeveralInstances.killOneOfEach(context, database));
                several.takeOvers.forEach(takeOver -> say("  " + takeOver.instance() + ": the segments it held ("
                        + takeOver.segmentsHeld() + ") taken over after " + seconds(takeOver.seconds()) + " s"));
            });
            if (killed) {
                step(results, "several instances: after the take-over", () -> {
                    say("several instances: " + options.leads() + " leads through the survivors");
                    several.afterTakeOver = BulkQualification.inBatches(context, AFTER_KILL, options.leads());
                });
            }
        }
    }

    /** Warm-up rounds and a measured bulk qualification with the instances running now; whether it worked. */
    private static boolean configuration(ScenarioContext context, Results results, TableStatistics statistics,
                                         String setName, int instances, boolean leadCache) {
        BenchmarkOptions options = context.options();
        String described = instances + "+" + instances + " instances, lead cache " + (leadCache ? "on" : "off");
        return step(results, "several instances: " + described, () -> {
            List<BulkQualification.Run> warmup = new ArrayList<>();
            if (options.warmup() > 0) {
                say("several instances, " + described + ": warm-up, " + options.warmupRounds() + " sets of "
                        + options.warmup() + " leads");
                warmup.addAll(WarmUp.rounds(context, setName + "warm", options.warmup(), options.warmupRounds()));
            }
            statistics.analyzeChangedTables();
            say("several instances, " + described + ": " + options.leads() + " leads in calls of " + options.batch()
                    + " from " + options.batchClients() + " clients");
            BulkQualification.Run bulk = BulkQualification.inBatches(context, setName + "set", options.leads());
            results.severalInstances.configurations.add(
                    new SeveralInstances.Configuration(instances, instances, leadCache, warmup, bulk));
            say(String.format(Locale.ROOT, "  %.0f leads/s", bulk.leadsPerSecond()));
        });
    }

    /** Runs one part; a failure is recorded (and printed) and the run goes on. Returns whether it worked. */
    private static boolean step(Results results, String part, Runnable work) {
        try {
            work.run();
            return true;
        } catch (RuntimeException failure) {
            String error = part + ": " + failure.getMessage();
            say("FAILED " + error);
            results.errors.add(error);
            return false;
        }
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }

    private static Path logs(BenchmarkOptions options) {
        Path logs = options.output().resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs;
    }

    static void say(String progress) {
        System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + progress);
    }
}
