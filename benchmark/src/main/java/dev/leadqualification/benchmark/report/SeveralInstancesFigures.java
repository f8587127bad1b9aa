package dev.leadqualification.benchmark.report;

import dev.leadqualification.benchmark.measure.LatencySummary;
import dev.leadqualification.benchmark.scenario.BulkQualification;
import dev.leadqualification.benchmark.scenario.SeveralInstances;

import java.util.List;
import java.util.Optional;

/**
 * The several-instances scenario's figures (issue 20): leads per second by configuration and what the lead cache
 * and more instances change, how long the segments took to spread and to be taken over, idle latency (its target)
 * and the idle system's transactions.
 */
final class SeveralInstancesFigures {

    static final String SCENARIO = "several instances";
    static final double IDLE_COMPLETED_P99_MS = 25;

    private SeveralInstancesFigures() {
    }

    static void add(List<Figure> figures, Results.SeveralInstancesScenario several, Double baseline) {
        for (SeveralInstances.Configuration configuration : several.configurations) {
            figures.add(Figure.of(SCENARIO, label(configuration) + ": leads qualified end to end",
                    configuration.bulk().leadsPerSecond(), "leads/s").withRatioTo(baseline));
        }
        Optional<SeveralInstances.Configuration> cached = find(several, 1, true);
        Optional<SeveralInstances.Configuration> uncached = find(several, 1, false);
        Optional<SeveralInstances.Configuration> larger = several.configurations.stream()
                .filter(configuration -> configuration.commandSides() > 1).findFirst();
        figures.add(Figure.of(SCENARIO, "lead cache off ÷ on (1+1)", ratio(uncached, cached), "×"));
        figures.add(Figure.of(SCENARIO, larger.map(SeveralInstancesFigures::label).orElse("more instances")
                + " ÷ 1+1 (lead cache on)", ratio(larger, cached), "×"));
        figures.add(Figure.of(SCENARIO, "segments spread over the instances, after the last one was healthy",
                several.secondsUntilBalanced, "s"));

        LatencySummary answer = several.idleLatency == null ? null : several.idleLatency.answerMs();
        LatencySummary completed = several.idleLatency == null ? null : several.idleLatency.completedMs();
        figures.add(Figure.of(SCENARIO, "idle: single qualify, answer p50", answer == null ? null : answer.p50(), "ms"));
        figures.add(Figure.of(SCENARIO, "idle: single qualify, answer p99", answer == null ? null : answer.p99(), "ms"));
        figures.add(Figure.of(SCENARIO, "idle: single qualify, completed p50",
                completed == null ? null : completed.p50(), "ms"));
        figures.add(Figure.of(SCENARIO, "idle: single qualify, completed p99",
                completed == null ? null : completed.p99(), "ms").atMost(IDLE_COMPLETED_P99_MS, "≤ 25 ms"));
        figures.add(Figure.of(SCENARIO, "idle: transactions per second (each a statement or a few)",
                several.idleTransactions == null ? null : several.idleTransactions.perSecond(), "/s"));

        for (SeveralInstances.TakeOver takeOver : several.takeOvers) {
            figures.add(Figure.of(SCENARIO, takeOver.side() + " killed (SIGKILL): its " + takeOver.segmentsHeld()
                    + (takeOver.segmentsHeld() == 1 ? " segment" : " segments") + " taken over after",
                    takeOver.seconds(), "s"));
        }
        if (several.takeOvers.isEmpty()) {
            figures.add(Figure.of(SCENARIO, "killed instance's segments taken over after", null, "s"));
        }
        BulkQualification.Run after = several.afterTakeOver;
        figures.add(Figure.of(SCENARIO, "after the take-over, through the survivors: leads qualified end to end",
                after == null ? null : after.leadsPerSecond(), "leads/s").withRatioTo(baseline));
    }

    static String label(SeveralInstances.Configuration configuration) {
        return configuration.commandSides() + "+" + configuration.querySides() + " instances, lead cache "
                + (configuration.leadCache() ? "on" : "off");
    }

    private static Optional<SeveralInstances.Configuration> find(Results.SeveralInstancesScenario several,
                                                                 int instances, boolean leadCache) {
        return several.configurations.stream().filter(configuration -> configuration.commandSides() == instances
                && configuration.leadCache() == leadCache).findFirst();
    }

    private static Double ratio(Optional<SeveralInstances.Configuration> measured,
                                Optional<SeveralInstances.Configuration> reference) {
        if (measured.isEmpty() || reference.isEmpty()) {
            return null;
        }
        return measured.get().bulk().leadsPerSecond() / reference.get().bulk().leadsPerSecond();
    }
}
