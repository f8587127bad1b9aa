package dev.leadqualification.benchmark.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.benchmark.baseline.ReadTableLoad;
import dev.leadqualification.benchmark.measure.LatencySummary;
import dev.leadqualification.benchmark.measure.Samples;
import dev.leadqualification.benchmark.system.JdbcTarget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scenario 4: {@code POST /api/admin/projections/replay} (ADMIN), then {@code GET /api/admin/projections} until the
 * read models' processor shows the next generation live (the rebuild built beside the live one has switched); events
 * per second = events in the store / seconds from the request to the switch. The events are counted in the database
 * when it is known, else taken as the head position. Meanwhile one client reads leads one by one
 * ({@code GET /api/leads/{id}}), as it does for {@link #IDLE_READS} before the replay: the read latency during a
 * rebuild against idle. With the database at hand, PostgreSQL's own rate of loading the rows the replay wrote is
 * measured after it ({@link ReadTableLoad}).
 */
public final class ProjectionReplay {

    static final Duration IDLE_READS = Duration.ofSeconds(10);

    private ProjectionReplay() {
    }

    public record Run(long events, String eventsCountedBy, long headPosition, int projections, double seconds,
                      double eventsPerSecond, LatencySummary idleReads, LatencySummary readsDuringRebuild,
                      ReadTableLoad.Load load, Double secondsOverLoadSeconds) {
    }

    public static Run run(ScenarioContext context) {
        Projections.awaitCaughtUp(context);
        long head = Projections.head(context);
        long events = context.system().database().map(JdbcTarget::eventCount).orElse(head);
        String countedBy = context.system().database().isPresent() ? "database" : "head position";
        List<String> leads = new ArrayList<>();
        context.querySide().get("/api/leads?size=200").expect(200).json().path("items")
                .forEach(lead -> leads.add(lead.path("leadId").asText()));
        Samples idle = new Samples();
        Reader idleReader = new Reader(context, leads, idle).start();
        ScenarioContext.sleep(IDLE_READS);
        idleReader.stop();

        long generation = generation(context);
        Samples during = new Samples();
        Reader reader = new Reader(context, leads, during).start();
        long start = System.nanoTime();
        context.querySideAsAdmin().post("/api/admin/projections/replay").expect(202);
        long deadline = context.deadline();
        while (generation(context) <= generation) {
            context.checkWaiting(deadline, "the replay's generation to go live");
            ScenarioContext.sleep(Projections.POLL);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        reader.stop();
        Optional<ReadTableLoad.Load> load = context.system().database().map(ReadTableLoad::measure);
        return new Run(events, countedBy, head, Projections.statuses(context).size(), seconds, events / seconds,
                idle.summary(), during.summary(), load.orElse(null),
                load.map(copy -> seconds / copy.seconds()).orElse(null));
    }

    /** The live generation of the read models (the read-models processor's {@code generation}), 0 before it has one. */
    private static long generation(ScenarioContext context) {
        for (JsonNode status : context.querySideAsAdmin().get("/api/admin/projections").expect(200).json()) {
            if (status.has("generation")) {
                return status.path("generation").asLong();
            }
        }
        return 0;
    }

    /** One client reading the leads one after another, each read timed. */
    private static final class Reader {

        private final ScenarioContext context;
        private final List<String> leads;
        private final Samples samples;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Reader(ScenarioContext context, List<String> leads, Samples samples) {
            this.context = context;
            this.leads = leads;
            this.samples = samples;
            this.thread = new Thread(this::read, "replay-reader");
            thread.setDaemon(true);
        }

        Reader start() {
            thread.start();
            return this;
        }

        void stop() {
            running.set(false);
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void read() {
            int next = 0;
            while (running.get() && !leads.isEmpty()) {
                long start = System.nanoTime();
                context.querySide().get("/api/leads/" + leads.get(next++ % leads.size())).expect(200);
                samples.add(System.nanoTime() - start);
            }
        }
    }
}
