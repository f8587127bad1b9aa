package dev.leadqualification.benchmark.system;

import dev.leadqualification.benchmark.BenchmarkOptions;
import dev.leadqualification.benchmark.http.ApiClient;
import dev.leadqualification.benchmark.http.Credentials;
import dev.leadqualification.benchmark.http.RoundRobin;
import dev.leadqualification.localruntime.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The two services the benchmark drives: either started here as OS processes on the benchmark's own database
 * ({@link #start}), with a SALES and an ADMIN user of their own and a GC log each, or already running elsewhere
 * ({@link #given}), driven with one ADMIN user (ADMIN may do everything SALES may).
 * <p>
 * Started here, each side may run as several instances ({@link #startInstances}, {@link #stop}, {@link #kill}): the
 * calls to a side then go to its running instances in turn ({@link RoundRobin}), as behind a load balancer.
 */
public final class SystemUnderTest implements AutoCloseable {

    public static final String COMMAND_SIDE = "command-side";
    public static final String QUERY_SIDE = "query-side";

    private final Credentials sales;
    private final Credentials admin;
    private final Optional<JdbcTarget> database;
    /** What starting an instance takes; null when the services run elsewhere. */
    private final Launch launch;
    /** The running instances the benchmark started. */
    private final List<Service> services = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> started = new LinkedHashMap<>();
    private volatile ApiClient commandSide;
    private volatile ApiClient querySide;

    /**
     * A service instance started by the benchmark: its side ({@link #COMMAND_SIDE} or {@link #QUERY_SIDE}), its
     * process, its output and its GC log.
     */
    public record Service(String side, String name, ServiceProcess process, Path gcLog, String maxHeap) {
    }

    private record Launch(BenchmarkOptions options, Map<String, String> environment, Path logs) {
    }

    private SystemUnderTest(ApiClient commandSide, ApiClient querySide, Credentials sales, Credentials admin,
                            Optional<JdbcTarget> database, Launch launch) {
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.sales = sales;
        this.admin = admin;
        this.database = database;
        this.launch = launch;
    }

    /** Services that already run at the options' URLs. */
    public static SystemUnderTest given(BenchmarkOptions options) {
        Credentials user = new Credentials(options.user(), options.password());
        Optional<JdbcTarget> database = options.jdbcUrl()
                .map(url -> new JdbcTarget(url, options.jdbcUser(), options.jdbcPassword()));
        return new SystemUnderTest(new ApiClient(options.commandUrl(), user), new ApiClient(options.queryUrl(), user),
                user, user, database, null);
    }

    /**
     * Starts one instance of each service jar on {@code database} with {@code -Xmx} as the options say, their output
     * and GC logs in {@code logs}; returns once both are healthy.
     */
    public static SystemUnderTest start(BenchmarkOptions options, JdbcTarget database, Path logs) {
        return start(options, database, logs, Map.of());
    }

    /** As {@link #start(BenchmarkOptions, JdbcTarget, Path)}, with more settings for both services. */
    public static SystemUnderTest start(BenchmarkOptions options, JdbcTarget database, Path logs,
                                        Map<String, String> settings) {
        Credentials sales = new Credentials("bench-sales", UUID.randomUUID().toString());
        Credentials admin = new Credentials("bench-admin", UUID.randomUUID().toString());
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_DATASOURCE_URL", database.url());
        environment.put("SPRING_DATASOURCE_USERNAME", database.user());
        environment.put("SPRING_DATASOURCE_PASSWORD", database.password());
        addUser(environment, 0, sales, "SALES");
        addUser(environment, 1, admin, "ADMIN");
        options.servicePoolSize().ifPresent(size ->
                environment.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", Integer.toString(size)));
        environment.putAll(settings);
        SystemUnderTest system = new SystemUnderTest(null, null, sales, admin, Optional.of(database),
                new Launch(options, environment, logs));
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "stop the services"));
        try {
            system.startInstances(Map.of(COMMAND_SIDE, 1, QUERY_SIDE, 1), Map.of());
            return system;
        } catch (RuntimeException notStarted) {
            system.close();
            throw notStarted;
        }
    }

    /**
     * Starts {@code counts} more instances of each side (by side) with {@code settings} added to their environment
     * (e.g. {@code LEADS_LEAD_CACHE_SIZE}); returns them once all are healthy, the calls to each side then going to
     * its new instances as well. The first instance of a side is named after it, the others {@code <side>-<n>}.
     */
    public List<Service> startInstances(Map<String, Integer> counts, Map<String, String> settings) {
        if (launch == null) {
            throw new IllegalStateException("The services run elsewhere: the benchmark cannot start instances of them");
        }
        Map<String, String> environment = new LinkedHashMap<>(launch.environment());
        environment.putAll(settings);
        List<Service> more = new ArrayList<>();
        for (String side : List.of(COMMAND_SIDE, QUERY_SIDE)) {
            for (int i = 0; i < counts.getOrDefault(side, 0); i++) {
                int number = started.merge(side, 1, Integer::sum);
                more.add(service(side, number == 1 ? side : side + "-" + number, environment));
            }
        }
        services.addAll(more);
        more.forEach(service -> service.process().start());
        // as long as any wait for the system: several JVMs starting at once on a busy machine can take minutes
        more.forEach(service -> service.process().awaitHealthy(launch.options().timeout()));
        balance();
        return more;
    }

    /** Stops an instance as an operator would (SIGTERM); its side's calls go to the others. */
    public void stop(Service service) {
        services.remove(service);
        balance();
        service.process().stop();
    }

    /** Kills an instance as a crash would (SIGKILL); its side's calls go to the others. */
    public void kill(Service service) {
        services.remove(service);
        balance();
        service.process().kill();
    }

    /** The running instances of {@code side} that the benchmark started, oldest first. */
    public List<Service> instances(String side) {
        return services.stream().filter(service -> service.side().equals(side)).toList();
    }

    private void balance() {
        List<String> commandUrls = urls(COMMAND_SIDE);
        List<String> queryUrls = urls(QUERY_SIDE);
        commandSide = commandUrls.isEmpty() ? null : new ApiClient(new RoundRobin(commandUrls), sales);
        querySide = queryUrls.isEmpty() ? null : new ApiClient(new RoundRobin(queryUrls), sales);
    }

    private List<String> urls(String side) {
        return instances(side).stream().map(service -> service.process().baseUrl()).toList();
    }

    private Service service(String side, String name, Map<String, String> environment) {
        Path jar = side.equals(COMMAND_SIDE) ? launch.options().commandJar() : launch.options().queryJar();
        Path gcLog = launch.logs().resolve(name + "-gc.log");
        String heap = launch.options().serviceHeap();
        // The GC log gives the heap before and after every collection, and at exit, at no cost to the service.
        List<String> jvmOptions = List.of("-Xmx" + heap, "-Xlog:gc,gc+heap+exit:file=" + gcLog + ":uptime");
        ServiceProcess process = new ServiceProcess(name, jar, freePort(), environment,
                launch.logs().resolve(name + ".log"), jvmOptions);
        return new Service(side, name, process, gcLog, heap);
    }

    private static void addUser(Map<String, String> environment, int index, Credentials user, String role) {
        String prefix = "LEADS_SECURITY_USERS_" + index + "_";
        environment.put(prefix + "USERNAME", user.username());
        environment.put(prefix + "PASSWORD", "{noop}" + user.password());
        environment.put(prefix + "ROLES", role);
    }

    /** The command side as the SALES user. */
    public ApiClient commandSide() {
        return running(commandSide, COMMAND_SIDE);
    }

    /** The query side as the SALES user. */
    public ApiClient querySide() {
        return running(querySide, QUERY_SIDE);
    }

    private static ApiClient running(ApiClient side, String name) {
        if (side == null) {
            throw new IllegalStateException("No instance of the " + name + " runs");
        }
        return side;
    }

    public Credentials admin() {
        return admin;
    }

    /** The services' database, when known (always when the benchmark started them). */
    public Optional<JdbcTarget> database() {
        return database;
    }

    /** The running instances the benchmark started (none when the services run elsewhere). */
    public List<Service> services() {
        return List.copyOf(services);
    }

    /** Throws when an instance the benchmark started (and has not stopped or killed) has stopped. */
    public void checkRunning() {
        for (Service service : services) {
            if (!service.process().isAlive()) {
                throw new IllegalStateException(service.name() + " has stopped; see " + service.process().log());
            }
        }
    }

    @Override
    public void close() {
        services.forEach(service -> service.process().stop());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
