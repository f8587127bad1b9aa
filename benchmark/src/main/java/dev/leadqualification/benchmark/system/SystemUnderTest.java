package dev.leadqualification.benchmark.system;

import dev.leadqualification.benchmark.BenchmarkOptions;
import dev.leadqualification.benchmark.http.ApiClient;
import dev.leadqualification.benchmark.http.Credentials;
import dev.leadqualification.localruntime.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The two services the benchmark drives: either started here as OS processes on the benchmark's own database
 * ({@link #start}), with a SALES and an ADMIN user of their own and a GC log each, or already running elsewhere
 * ({@link #given}), driven with one ADMIN user (ADMIN may do everything SALES may).
 */
public final class SystemUnderTest implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final ApiClient commandSide;
    private final ApiClient querySide;
    private final Credentials admin;
    private final Optional<JdbcTarget> database;
    private final List<Service> services;

    /** A service started by the benchmark: its process, its output and its GC log. */
    public record Service(String name, ServiceProcess process, Path gcLog, String maxHeap) {
    }

    private SystemUnderTest(String commandUrl, String queryUrl, Credentials sales, Credentials admin,
                            Optional<JdbcTarget> database, List<Service> services) {
        this.commandSide = new ApiClient(commandUrl, sales);
        this.querySide = new ApiClient(queryUrl, sales);
        this.admin = admin;
        this.database = database;
        this.services = services;
    }

    /** Services that already run at the options' URLs. */
    public static SystemUnderTest given(BenchmarkOptions options) {
        Credentials user = new Credentials(options.user(), options.password());
        Optional<JdbcTarget> database = options.jdbcUrl()
                .map(url -> new JdbcTarget(url, options.jdbcUser(), options.jdbcPassword()));
        return new SystemUnderTest(options.commandUrl(), options.queryUrl(), user, user, database, List.of());
    }

    /**
     * Starts both service jars on {@code database} with {@code -Xmx} as the options say, their output and GC logs
     * in {@code logs}; returns once both are healthy.
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
        environment.putAll(settings);

        List<Service> services = new ArrayList<>();
        services.add(service("command-side", options.commandJar(), environment, logs, options.serviceHeap()));
        services.add(service("query-side", options.queryJar(), environment, logs, options.serviceHeap()));
        SystemUnderTest system = new SystemUnderTest(services.get(0).process().baseUrl(),
                services.get(1).process().baseUrl(), sales, admin, Optional.of(database), services);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "stop the services"));
        try {
            services.forEach(service -> service.process().start());
            services.forEach(service -> service.process().awaitHealthy(STARTUP));
            return system;
        } catch (RuntimeException notStarted) {
            system.close();
            throw notStarted;
        }
    }

    private static Service service(String name, Path jar, Map<String, String> environment, Path logs, String heap) {
        Path gcLog = logs.resolve(name + "-gc.log");
        // The GC log gives the heap before and after every collection, and at exit, at no cost to the service.
        List<String> jvmOptions = List.of("-Xmx" + heap, "-Xlog:gc,gc+heap+exit:file=" + gcLog + ":uptime");
        ServiceProcess process = new ServiceProcess(name, jar, freePort(), environment, logs.resolve(name + ".log"),
                jvmOptions);
        return new Service(name, process, gcLog, heap);
    }

    private static void addUser(Map<String, String> environment, int index, Credentials user, String role) {
        String prefix = "LEADS_SECURITY_USERS_" + index + "_";
        environment.put(prefix + "USERNAME", user.username());
        environment.put(prefix + "PASSWORD", "{noop}" + user.password());
        environment.put(prefix + "ROLES", role);
    }

    /** The command side as the SALES user. */
    public ApiClient commandSide() {
        return commandSide;
    }

    /** The query side as the SALES user. */
    public ApiClient querySide() {
        return querySide;
    }

    public Credentials admin() {
        return admin;
    }

    /** The services' database, when known (always when the benchmark started them). */
    public Optional<JdbcTarget> database() {
        return database;
    }

    /** The services the benchmark started (none when they run elsewhere). */
    public List<Service> services() {
        return services;
    }

    /** Throws when a service the benchmark started has stopped. */
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
