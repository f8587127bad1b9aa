package dev.leadqualification.benchmark.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The query side's projections as {@code GET /api/admin/projections} shows them (ADMIN). */
final class Projections {

    static final Duration POLL = Duration.ofMillis(100);

    private Projections() {
    }

    record Status(long position, long headPosition, boolean replaying) {

        boolean reached(long wanted) {
            return position >= wanted && !replaying;
        }
    }

    static List<Status> statuses(ScenarioContext context) {
        List<Status> statuses = new ArrayList<>();
        for (JsonNode status : context.querySideAsAdmin().get("/api/admin/projections").expect(200).json()) {
            statuses.add(new Status(status.path("position").asLong(), status.path("headPosition").asLong(),
                    status.path("replaying").asBoolean()));
        }
        if (statuses.isEmpty()) {
            throw new IllegalStateException("GET /api/admin/projections lists no projection");
        }
        return statuses;
    }

    /** The global index of the newest event in the store. */
    static long head(ScenarioContext context) {
        return statuses(context).stream().mapToLong(Status::headPosition).max().orElseThrow();
    }

    /** Waits until every projection has processed the event store up to its head as it is now. */
    static void awaitCaughtUp(ScenarioContext context) {
        awaitPosition(context, head(context));
    }

    /** Waits until every projection has processed the store up to {@code position}. */
    static void awaitPosition(ScenarioContext context, long position) {
        long deadline = context.deadline();
        while (!statuses(context).stream().allMatch(status -> status.reached(position))) {
            context.checkWaiting(deadline, "the projections to reach position " + position);
            ScenarioContext.sleep(POLL);
        }
    }
}
