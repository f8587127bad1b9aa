package dev.leadqualification.benchmark.publisher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.leadqualification.benchmark.BenchmarkOptions;
import dev.leadqualification.benchmark.data.NdjsonBody;
import dev.leadqualification.benchmark.data.TestData;
import dev.leadqualification.benchmark.measure.LatencySummary;
import dev.leadqualification.benchmark.measure.Samples;
import dev.leadqualification.benchmark.report.Machine;
import dev.leadqualification.benchmark.scenario.ScenarioContext;
import dev.leadqualification.benchmark.system.BenchmarkDatabase;
import dev.leadqualification.benchmark.system.SystemUnderTest;
import dev.leadqualification.localruntime.LocalRabbitMq;
import dev.leadqualification.localruntime.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The broker publisher's benchmark ({@code benchmark/publisher.sh}): both services on a fresh database, the query side
 * publishing to a fresh virtual host of the local RabbitMQ, and a subscriber with a durable queue bound to everything.
 * <ol>
 *   <li>throughput: {@code --accounts} accounts imported in one go (one event each) while the query side is down;
 *       once it is started again, the publisher's rate is those events ÷ the seconds between the first and the last
 *       one's arrival at the subscriber;</li>
 *   <li>beside it, RabbitMQ's own rate on this machine for the same number of messages of the same mean size, from a
 *       plain client loop with the same batches of confirms ({@link ClientBaseline});</li>
 *   <li>latency with the system idle: {@code --latency-samples} leads created one at a time, each timed from its event's
 *       time (taken as the command applies it, just before its transaction commits: an upper bound of commit to
 *       arrival) to its arrival at the subscriber.</li>
 * </ol>
 * Writes {@code publisher.md} and {@code publisher.json} into {@code --output}.
 */
public final class PublisherBenchmark {

    static final String EXCHANGE = "lead-qualification.events";
    /** The publisher's batch size ({@code event-publisher.batch-size}), used by the baseline too. */
    static final int BATCH = 200;
    static final double IDLE_P99_TARGET_MS = 50;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Everything one run measured. */
    public record Report(Machine machine, Throughput publisher, ClientBaseline.Run broker,
                         LatencySummary idleLatencyMs, boolean idleP99TargetMet) {
    }

    /**
     * {@code events} published; seconds from the first to the last arrival, and from the query side's start (its
     * start-up included) to the last arrival.
     */
    public record Throughput(long events, int meanBodyBytes, double importSeconds, double publishingSeconds,
                             double eventsPerSecond, double sinceRestartSeconds) {
    }

    private PublisherBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(arguments);
        Report report = run(options);
        String markdown = markdown(report);
        Files.createDirectories(options.output());
        Files.writeString(options.output().resolve("publisher.md"), markdown);
        JSON.writeValue(options.output().resolve("publisher.json").toFile(), report);
        System.out.println(markdown);
        System.exit(0);
    }

    static Report run(BenchmarkOptions options) throws Exception {
        try (BenchmarkDatabase database = BenchmarkDatabase.create(options.postgresUrl(), options.postgresUser(),
                options.postgresPassword(), options.keepDatabase())) {
            String virtualHost = LocalRabbitMq.createVirtualHost("publisher_benchmark");
            Map<String, String> settings = new HashMap<>(LocalRabbitMq.environment(virtualHost));
            settings.put("LEADS_PUBLISHER_ENABLED", "true");
            say("fresh database " + database.name() + ", virtual host " + virtualHost + "; starting both services");
            Path logs = Files.createDirectories(options.output().resolve("publisher-logs"));
            try (SystemUnderTest system = SystemUnderTest.start(options, database.target(), logs, settings);
                 Subscriber subscriber = new Subscriber(virtualHost, EXCHANGE, "benchmark.events")) {
                ScenarioContext context = new ScenarioContext(system, TestData.forNewRun(), options);
                Throughput publisher = throughput(context, subscriber, options.accounts());
                say("publisher: " + Math.round(publisher.eventsPerSecond()) + " events/s; now the plain client");
                ClientBaseline.Run broker = ClientBaseline.measure(virtualHost, (int) publisher.events(),
                        publisher.meanBodyBytes(), BATCH, options.timeout());
                say("plain client: " + Math.round(broker.messagesPerSecond()) + " messages/s; now the idle latency");
                LatencySummary latency = idleLatency(context, subscriber, options.latencySamples());
                return new Report(Machine.current(database.target().serverVersion()), publisher, broker, latency,
                        latency.p99() <= IDLE_P99_TARGET_MS);
            }
        }
    }

    /**
     * The query side is stopped while the accounts are imported, then started again: the publisher catches up with a
     * backlog of their events (beside the read models catching up too, as after any downtime), so that it, not the
     * import, sets the pace.
     */
    private static Throughput throughput(ScenarioContext context, Subscriber subscriber, long accounts)
            throws InterruptedException {
        long head = awaitPublished(context);
        ServiceProcess querySide = context.system().services().stream()
                .filter(service -> service.name().equals("query-side")).findFirst().orElseThrow().process();
        querySide.stop();
        long importStart = System.nanoTime();
        context.commandSideAsAdmin().post("/api/import/accounts", "application/x-ndjson",
                () -> new NdjsonBody(0, accounts, n -> context.data().account("published", n))).expect(200);
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        int from = subscriber.count();
        long start = System.nanoTime();
        querySide.start().awaitHealthy(context.options().timeout());
        long headAfter = awaitPublished(context);
        List<Subscriber.Arrival> arrivals = subscriber.awaitFrom(from, arrived -> arrived.stream()
                .anyMatch(arrival -> arrival.position() != null && arrival.position() == headAfter), context.deadline());
        Set<Long> positions = new HashSet<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long bytes = 0;
        for (Subscriber.Arrival arrival : arrivals) {
            if (arrival.position() != null && arrival.position() > head && positions.add(arrival.position())) {
                first = Math.min(first, arrival.nanos());
                last = Math.max(last, arrival.nanos());
                bytes += arrival.body().length;
            }
        }
        double publishing = (last - first) / 1e9;
        return new Throughput(positions.size(), (int) (bytes / positions.size()), importSeconds, publishing,
                positions.size() / publishing, (last - start) / 1e9);
    }

    private static LatencySummary idleLatency(ScenarioContext context, Subscriber subscriber, int samples)
            throws InterruptedException {
        awaitPublished(context);
        Samples latencies = new Samples();
        for (int n = 0; n < samples; n++) {
            int from = subscriber.count();
            String leadId = context.commandSide().post("/api/leads", context.data().lead("latency", n)).expect(201)
                    .json().path("leadId").asText();
            Subscriber.Arrival arrival = subscriber.awaitFrom(from, arrived -> arrived.stream()
                    .anyMatch(message -> isOf(message, leadId)), context.deadline()).stream()
                    .filter(message -> isOf(message, leadId)).findFirst().orElseThrow();
            OffsetDateTime time = OffsetDateTime.parse(cloudEvent(arrival).path("time").asText());
            latencies.add(Duration.between(time.toInstant(), arrival.at()).toNanos());
        }
        return latencies.summary();
    }

    /** Waits until the publisher has published up to the head of the store; returns that head. */
    private static long awaitPublished(ScenarioContext context) throws InterruptedException {
        long deadline = context.deadline();
        while (true) {
            JsonNode status = context.querySideAsAdmin().get("/api/admin/publisher").expect(200).json();
            if (status.path("lag").asLong() == 0) {
                return status.path("headPosition").asLong();
            }
            context.checkWaiting(deadline, "the publisher to reach the head of the store: " + status);
            Thread.sleep(20);
        }
    }

    private static boolean isOf(Subscriber.Arrival arrival, String leadId) {
        return leadId.equals(cloudEvent(arrival).path("subject").asText());
    }

    private static JsonNode cloudEvent(Subscriber.Arrival arrival) {
        try {
            return JSON.readTree(arrival.body());
        } catch (IOException e) {
            throw new IllegalStateException("A message that is not JSON: " + arrival.messageId(), e);
        }
    }

    static String markdown(Report report) {
        Throughput publisher = report.publisher();
        ClientBaseline.Run broker = report.broker();
        LatencySummary latency = report.idleLatencyMs();
        return """
                # Broker publisher benchmark

                %d cores, %d MB, %s, Java %s, PostgreSQL %s; RabbitMQ on this machine.

                | figure | value | beside |
                | --- | --- | --- |
                | publisher: a backlog of %d events (mean message %d bytes) after a restart, first to last arrival | %.0f events/s | %.2f × the plain client |
                | plain client loop, same messages, batches of %d confirmed | %.0f messages/s | |
                | import of those events while the query side was down, for scale | %.1f s | all published %.1f s after the query side's start began |
                | idle: event time → arrival at a subscriber, p50 | %.1f ms | |
                | idle: event time → arrival at a subscriber, p99 (%d samples) | %.1f ms | target ≤ 50 ms: %s |
                """.formatted(report.machine().cores(), report.machine().memoryMb(), report.machine().os(),
                report.machine().java(), report.machine().postgresql(),
                publisher.events(), publisher.meanBodyBytes(), publisher.eventsPerSecond(),
                publisher.eventsPerSecond() / broker.messagesPerSecond(),
                broker.batch(), broker.messagesPerSecond(),
                publisher.importSeconds(), publisher.sinceRestartSeconds(),
                latency.p50(), latency.count(), latency.p99(), report.idleP99TargetMet() ? "met" : "not met");
    }

    private static void say(String message) {
        System.out.println("[publisher benchmark] " + message);
    }
}
