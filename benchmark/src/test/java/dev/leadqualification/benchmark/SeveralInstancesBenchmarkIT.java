package dev.leadqualification.benchmark;

import dev.leadqualification.benchmark.report.Report;
import dev.leadqualification.benchmark.report.Results;
import dev.leadqualification.benchmark.scenario.BulkQualification;
import dev.leadqualification.benchmark.scenario.SeveralInstances;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The several-instances scenario at a small size, with its instances started as processes on a fresh database: every
 * configuration qualifies its whole set, the killed instances' segments are taken over and the survivors qualify a
 * set after it. Timings are never asserted.
 */
class SeveralInstancesBenchmarkIT {

    private static final int LEADS = 60;
    private static final int LATENCY_SAMPLES = 5;

    private final Path output = Path.of("target", "several-instances-it").toAbsolutePath();

    @Test
    void measuresEveryConfigurationAndTheTakeOver() {
        Report report = Benchmark.run(BenchmarkOptions.parse(
                "--scenario", "several-instances", "--leads", "" + LEADS, "--batch", "20", "--batch-clients", "2",
                "--creation-clients", "4", "--warmup", "0", "--latency-samples", "" + LATENCY_SAMPLES,
                "--idle-seconds", "2", "--baseline-seconds", "1", "--timeout-minutes", "5",
                "--command-jar", System.getProperty("commandSideJar", "../command-side/target/command-side.jar"),
                "--query-jar", System.getProperty("querySideJar", "../query-side/target/query-side.jar"),
                "--output", output.toString()));

        assertThat(report.errors()).isEmpty();
        Results.SeveralInstancesScenario several = report.results().severalInstances;
        assertThat(several.configurations)
                .extracting(SeveralInstances.Configuration::commandSides, SeveralInstances.Configuration::querySides,
                        SeveralInstances.Configuration::leadCache)
                .containsExactly(tuple(1, 1, true), tuple(1, 1, false), tuple(2, 2, true));
        several.configurations.forEach(configuration -> everyLeadCompleted(configuration.bulk()));
        assertThat(several.secondsUntilBalanced).isNotNull();
        assertThat(several.idleLatency.completedMs().count()).isEqualTo(LATENCY_SAMPLES);
        assertThat(several.idleTransactions.transactions()).isNotNegative();
        assertThat(several.takeOvers).extracting(SeveralInstances.TakeOver::side)
                .containsExactly("command-side", "query-side");
        assertThat(several.takeOvers).allSatisfy(takeOver -> assertThat(takeOver.segmentsHeld()).isPositive());
        everyLeadCompleted(several.afterTakeOver);
        assertThat(report.targetCount()).isEqualTo(1);
    }

    private static void everyLeadCompleted(BulkQualification.Run run) {
        assertThat(run.completed()).isEqualTo(LEADS);
        assertThat(run.failed()).isZero();
        assertThat(run.opportunitiesVerified()).isEqualTo(LEADS);
    }
}
