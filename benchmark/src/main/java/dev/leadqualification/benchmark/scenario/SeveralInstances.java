package dev.leadqualification.benchmark.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.benchmark.http.ApiClient;
import dev.leadqualification.benchmark.measure.TransactionRate;
import dev.leadqualification.benchmark.system.InstancesInDatabase;
import dev.leadqualification.benchmark.system.SystemUnderTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The several-instances scenario's parts: the system as {@code c} command-side and {@code q} query-side instances
 * on one database ({@link #runAs}), every call to a side going to its instances in turn; whether the processors'
 * segments are spread over the instances ({@link #awaitBalanced}); the transactions an idle system runs
 * ({@link #idleTransactions}); and how long the survivors take to claim the segments of an instance killed with
 * SIGKILL ({@link #killOneOfEach}).
 */
public final class SeveralInstances {

    /** The setting of the command side's lead cache: the leads kept in memory, checked against the store (0: none). */
    public static final String LEAD_CACHE_SIZE = "LEADS_LEAD_CACHE_SIZE";
    static final Duration POLL = Duration.ofMillis(50);

    private SeveralInstances() {
    }

    /** A bulk qualification measured with {@code commandSides} + {@code querySides} instances. */
    public record Configuration(int commandSides, int querySides, boolean leadCache,
                                List<BulkQualification.Run> warmup, BulkQualification.Run bulk) {
    }

    /**
     * An instance killed with SIGKILL: its name in the database, the segments it held, and the seconds from the kill
     * until the survivors held every one of them.
     */
    public record TakeOver(String side, String instance, int segmentsHeld, double seconds) {
    }

    /**
     * Replaces the running instances by {@code commandSides} + {@code querySides} new ones (the query side's are kept
     * when there are as many already), the command side's with its lead cache on or off; returns once all are
     * healthy.
     */
    public static void runAs(ScenarioContext context, int commandSides, int querySides, boolean leadCache) {
        SystemUnderTest system = context.system();
        Map<String, String> cacheSetting = leadCache ? Map.of() : Map.of(LEAD_CACHE_SIZE, "0");
        List<SystemUnderTest.Service> replaced = new ArrayList<>(system.instances(SystemUnderTest.COMMAND_SIDE));
        int moreQuerySides = querySides - system.instances(SystemUnderTest.QUERY_SIDE).size();
        if (moreQuerySides < 0) {
            throw new IllegalArgumentException("Fewer query-side instances than run already: " + querySides);
        }
        replaced.forEach(system::stop);
        system.startInstances(Map.of(SystemUnderTest.COMMAND_SIDE, commandSides), cacheSetting);
        system.startInstances(Map.of(SystemUnderTest.QUERY_SIDE, moreQuerySides), Map.of());
    }

    /**
     * Waits until every processor's segments are all claimed, by as many of its service's live instances as it has
     * segments (up to all of them); returns the seconds that took.
     */
    public static double awaitBalanced(ScenarioContext context, InstancesInDatabase database) {
        long start = System.nanoTime();
        long deadline = context.deadline();
        while (!balanced(database)) {
            context.checkWaiting(deadline, "the processors' segments to be spread over the instances: "
                    + database.segmentOwners());
            ScenarioContext.sleep(POLL);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static boolean balanced(InstancesInDatabase database) {
        Map<String, Integer> liveByService = new HashMap<>();
        return spread(database.segmentOwners(),
                service -> liveByService.computeIfAbsent(service, name -> database.live(name).size()));
    }

    /**
     * Whether every processor's segments ({@code owners}: by processor, each segment's owner or null) are all claimed,
     * by as many instances as it has segments, up to the live instances of its service ({@code liveInstances}).
     */
    static boolean spread(Map<String, Map<Integer, String>> owners, ToIntFunction<String> liveInstances) {
        for (Map<Integer, String> segments : owners.values()) {
            if (segments.values().stream().anyMatch(Objects::isNull)) {
                return false;
            }
            int live = liveInstances.applyAsInt(service(segments.values().iterator().next()));
            if (new HashSet<>(segments.values()).size() < Math.min(segments.size(), live)) {
                return false;
            }
        }
        return true;
    }

    /**
     * With the system idle (every projection caught up), waits {@code settle} and then reads the database's
     * transaction counters {@code window} apart, sending no call meanwhile.
     */
    public static TransactionRate idleTransactions(ScenarioContext context, InstancesInDatabase database,
                                                   Duration settle, Duration window) {
        Projections.awaitCaughtUp(context);
        ScenarioContext.sleep(settle);
        TransactionRate.Reading first = new TransactionRate.Reading(database.transactions(), System.nanoTime());
        ScenarioContext.sleep(window);
        TransactionRate.Reading last = new TransactionRate.Reading(database.transactions(), System.nanoTime());
        context.system().checkRunning();
        return TransactionRate.between(first, last, 0);
    }

    /**
     * Kills the oldest instance of each side at once (SIGKILL), then watches the survivors take over its segments:
     * the command side's in the token table, the query side's in {@code GET /api/admin/projections} of a surviving
     * instance. Returns both take-overs once both are done; the calls to each side go to its survivors from then on.
     */
    public static List<TakeOver> killOneOfEach(ScenarioContext context, InstancesInDatabase database) {
        SystemUnderTest system = context.system();
        String command = SystemUnderTest.COMMAND_SIDE;
        String query = SystemUnderTest.QUERY_SIDE;
        List<String> commandSidesBefore = database.live(command);
        List<String> querySidesBefore = database.live(query);
        SystemUnderTest.Service commandVictim = system.instances(command).get(0);
        SystemUnderTest.Service queryVictim = system.instances(query).get(0);
        ApiClient survivor = new ApiClient(system.instances(query).get(1).process().baseUrl(), system.admin());

        long killedCommandSide = System.nanoTime();
        system.kill(commandVictim);
        long killedQuerySide = System.nanoTime();
        system.kill(queryVictim);

        String commandName = gone(context, database, command, commandSidesBefore);
        String queryName = gone(context, database, query, querySidesBefore);
        int commandSegments = held(database.segmentOwners(), commandName);
        int querySegments = held(database.segmentOwners(), queryName);
        Long commandDone = null;
        Long queryDone = null;
        long deadline = context.deadline();
        while (commandDone == null || queryDone == null) {
            if (commandDone == null && held(database.segmentOwners(), commandName) == 0) {
                commandDone = System.nanoTime();
            }
            if (queryDone == null && everySegmentHeld(survivor, owner -> !owner.equals(queryName))) {
                queryDone = System.nanoTime();
            }
            context.checkWaiting(deadline, "the survivors to take over the segments of " + commandName + " and "
                    + queryName + ": " + database.segmentOwners());
            ScenarioContext.sleep(POLL);
        }
        return List.of(new TakeOver(command, commandName, commandSegments, (commandDone - killedCommandSide) / 1e9),
                new TakeOver(query, queryName, querySegments, (queryDone - killedQuerySide) / 1e9));
    }

    /** The name of the instance of {@code service} that was connected before and is no more (waits for it). */
    private static String gone(ScenarioContext context, InstancesInDatabase database, String service,
                               List<String> before) {
        long deadline = context.deadline();
        while (true) {
            Set<String> missing = new HashSet<>(before);
            database.live(service).forEach(missing::remove);
            if (missing.size() == 1) {
                return missing.iterator().next();
            }
            if (missing.size() > 1) {
                throw new IllegalStateException("More than one instance of the " + service + " is gone: " + missing);
            }
            context.checkWaiting(deadline, "the killed " + service + " instance's connections to close");
            ScenarioContext.sleep(POLL);
        }
    }

    private static int held(Map<String, Map<Integer, String>> owners, String instance) {
        return (int) owners.values().stream().flatMap(segments -> segments.values().stream())
                .filter(instance::equals).count();
    }

    /** Whether every segment of every projection is held, by an instance that {@code allowed} admits. */
    private static boolean everySegmentHeld(ApiClient querySide, Predicate<String> allowed) {
        for (JsonNode projection : querySide.get("/api/admin/projections").expect(200).json()) {
            for (JsonNode segment : projection.path("segments")) {
                if (!segment.path("owner").isTextual() || !allowed.test(segment.path("owner").asText())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The service of an instance named {@code <service>/<host>/<id>}. */
    static String service(String instance) {
        int slash = instance.indexOf('/');
        return slash < 0 ? instance : instance.substring(0, slash);
    }
}
