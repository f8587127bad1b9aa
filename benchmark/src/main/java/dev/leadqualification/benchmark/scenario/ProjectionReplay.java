package dev.leadqualification.benchmark.scenario;

import dev.leadqualification.benchmark.system.JdbcTarget;

import java.util.List;

/**
 * Scenario 4: {@code POST /api/admin/projections/replay} (ADMIN), then {@code GET /api/admin/projections} until
 * every projection is back at the head of the event store; events per second = events in the store / seconds.
 * The events are counted in the database when it is known, else taken as the head position (the global index of
 * the newest event, which counts rolled-back positions too).
 */
public final class ProjectionReplay {

    private ProjectionReplay() {
    }

    public record Run(long events, String eventsCountedBy, long headPosition, int projections, double seconds,
                      double eventsPerSecond) {
    }

    public static Run run(ScenarioContext context) {
        Projections.awaitCaughtUp(context);
        long head = Projections.head(context);
        long events = context.system().database().map(JdbcTarget::eventCount).orElse(head);
        String countedBy = context.system().database().isPresent() ? "database" : "head position";
        long start = System.nanoTime();
        context.querySideAsAdmin().post("/api/admin/projections/replay").expect(202);
        long deadline = context.deadline();
        List<Projections.Status> statuses = Projections.statuses(context);
        while (!statuses.stream().allMatch(status -> status.reached(head))) {
            context.checkWaiting(deadline, "the replay to reach position " + head);
            ScenarioContext.sleep(Projections.POLL);
            statuses = Projections.statuses(context);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(events, countedBy, head, statuses.size(), seconds, events / seconds);
    }
}
