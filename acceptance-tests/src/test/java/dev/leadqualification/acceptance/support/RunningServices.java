package dev.leadqualification.acceptance.support;

import dev.leadqualification.localruntime.ServiceProcess;
import dev.leadqualification.platform.testing.FreshDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Both service jars running as separate OS processes on one fresh PostgreSQL database, with one configured
 * user per role. Their output goes to {@code target/service-logs/<name>.log}, never into the test output.
 * <p>
 * {@link #shared()} is the one instance all test classes use (started on first use, stopped when the JVM
 * exits); a test that disturbs the services (a restart, a crash, other settings) takes its {@link #startOwn own},
 * or {@link #prepareOwn prepares} its own to add settings before starting them.
 */
public final class RunningServices implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(300);
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m");
    private static final Path LOGS = Path.of("target", "service-logs");

    private static RunningServices shared;
    private static RuntimeException sharedStartFailure;

    private final Path commandSideJar = jar("commandSideJar", "command-side");
    private final Path querySideJar = jar("querySideJar", "query-side");
    private final String name;
    private final FreshDatabase database;
    private final int commandSidePort = freePort();
    private final int querySidePort = freePort();
    private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
    private List<String> jvmOptions = JVM_OPTIONS;
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private ServiceProcess commandSide;
    private ServiceProcess querySide;
    private final List<ServiceProcess> moreCommandSides = new ArrayList<>();
    private final List<ServiceProcess> moreQuerySides = new ArrayList<>();

    private RunningServices(String name) {
        this.name = name;
        this.database = FreshDatabase.create("acceptance_" + name);
    }

    /** The instance the test classes share; a failed start is reported to every class, not retried. */
    public static synchronized RunningServices shared() {
        if (sharedStartFailure != null) {
            throw sharedStartFailure;
        }
        if (shared == null) {
            try {
                shared = startOwn("shared");
            } catch (RuntimeException e) {
                sharedStartFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /** Services of the caller's own, on their own database; close them when done. */
    public static RunningServices startOwn(String name) {
        return prepareOwn(name).start();
    }

    /**
     * Services of the caller's own on their own (already created) database, not yet started: add settings with
     * {@link #withEnvironment}, then {@link #start()}. Close them when done.
     */
    public static RunningServices prepareOwn(String name) {
        RunningServices services = new RunningServices(name);
        Runtime.getRuntime().addShutdownHook(new Thread(services::close, "stop " + name + " services"));
        return services;
    }

    /** An environment variable for both services, e.g. a JWT key location, or a datasource URL through a proxy. */
    public synchronized RunningServices withEnvironment(String variable, String value) {
        extraEnvironment.put(variable, value);
        return this;
    }

    /** The services' JVM options instead of the default ({@code -Xmx384m}), e.g. a smaller heap. */
    public synchronized RunningServices withJvmOptions(String... options) {
        jvmOptions = List.of(options);
        return this;
    }

    /**
     * Puts each service's management endpoints ({@code /actuator/*}) on a port of its own
     * ({@code MANAGEMENT_SERVER_PORT}), as a deployment that keeps them off the API's port does.
     */
    public synchronized RunningServices withManagementPorts() {
        managementPorts.put("command-side", freePort());
        managementPorts.put("query-side", freePort());
        return this;
    }

    /** Where a service's {@code /actuator/*} answers: {@code command-side} or {@code query-side}. */
    public String managementUrl(String service) {
        Integer port = managementPorts.get(service);
        if (port != null) {
            return "http://127.0.0.1:" + port;
        }
        return service.equals("command-side") ? commandSideUrl() : querySideUrl();
    }

    public String commandSideUrl() {
        return "http://127.0.0.1:" + commandSidePort;
    }

    public String querySideUrl() {
        return "http://127.0.0.1:" + querySidePort;
    }

    /** The database both services use, for tests that must write what no API writes. */
    public FreshDatabase database() {
        return database;
    }

    /** Stops both services and starts them again on the same database and ports. */
    public synchronized void restart() {
        stopProcesses();
        start();
    }

    /** Crashes the command side (SIGKILL): nothing of it is stopped gracefully. */
    public synchronized void killCommandSide() {
        commandSide.kill();
    }

    /** Crashes the query side (SIGKILL). */
    public synchronized void killQuerySide() {
        querySide.kill();
    }

    /** Starts the command side again (after a kill) on the same database and port; returns once it is healthy. */
    public synchronized void startCommandSide() {
        commandSide = startService("command-side", commandSideJar, commandSidePort);
        awaitHealthy(commandSide);
    }

    /**
     * Starts one more command-side instance on the same database, as a scaled-out deployment runs them (they
     * share the event store, the saga's segments and the lookup tables); returns its URL once it is healthy.
     * It stops with the others.
     */
    public synchronized String startAnotherCommandSide() {
        int port = freePort();
        ServiceProcess another = startService("command-side-" + (moreCommandSides.size() + 2), commandSideJar, port);
        moreCommandSides.add(another);
        awaitHealthy(another);
        return "http://127.0.0.1:" + port;
    }

    /**
     * Starts one more query-side instance on the same database (it shares the processors' segments with the others);
     * returns its URL once it is healthy. It stops with the others.
     */
    public synchronized String startAnotherQuerySide() {
        int port = freePort();
        ServiceProcess another = startService("query-side-" + (moreQuerySides.size() + 2), querySideJar, port);
        moreQuerySides.add(another);
        awaitHealthy(another);
        return "http://127.0.0.1:" + port;
    }

    /** Starts the query side again (after a kill) on the same database and port; returns once it is healthy. */
    public synchronized void startQuerySide() {
        querySide = startService("query-side", querySideJar, querySidePort);
        awaitHealthy(querySide);
    }

    /** Where a service's output goes: {@code command-side} or {@code query-side}. */
    public Path log(String service) {
        return LOGS.resolve(name + "-" + service + ".log");
    }

    @Override
    public synchronized void close() {
        stopProcesses();
    }

    /** Starts both services; returns once both are healthy. */
    public synchronized RunningServices start() {
        commandSide = startService("command-side", commandSideJar, commandSidePort);
        querySide = startService("query-side", querySideJar, querySidePort);
        awaitHealthy(commandSide);
        awaitHealthy(querySide);
        return this;
    }

    private ServiceProcess startService(String service, Path jar, int port) {
        Map<String, String> environment = environment();
        if (managementPorts.containsKey(service)) {
            environment.put("MANAGEMENT_SERVER_PORT", managementPorts.get(service).toString());
        }
        return new ServiceProcess(name + "-" + service, jar, port, environment, log(service), jvmOptions).start();
    }

    private void awaitHealthy(ServiceProcess service) {
        try {
            service.awaitHealthy(STARTUP);
        } catch (RuntimeException notReady) {
            stopProcesses();
            throw notReady;
        }
    }

    private void stopProcesses() {
        if (commandSide != null) {
            commandSide.stop();
        }
        if (querySide != null) {
            querySide.stop();
        }
        moreCommandSides.forEach(ServiceProcess::stop);
        moreCommandSides.clear();
        moreQuerySides.forEach(ServiceProcess::stop);
        moreQuerySides.clear();
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", FreshDatabase.USER);
        environment.put("SPRING_DATASOURCE_PASSWORD", FreshDatabase.PASSWORD);
        User[] users = User.values();
        for (int i = 0; i < users.length; i++) {
            String prefix = "LEADS_SECURITY_USERS_" + i + "_";
            environment.put(prefix + "USERNAME", users[i].username());
            environment.put(prefix + "PASSWORD", "{noop}" + users[i].password());
            environment.put(prefix + "ROLES", users[i].role());
        }
        // -Dleads.axon-extensions.enabled=false runs the suite on Axon's own components (platform.fence)
        String extensions = System.getProperty("leads.axon-extensions.enabled");
        if (extensions != null) {
            environment.put("LEADS_AXON_EXTENSIONS_ENABLED", extensions);
        }
        environment.putAll(extraEnvironment);
        return environment;
    }

    /** The jar Failsafe names in {@code property}, else the module's build output (for runs from an IDE). */
    private static Path jar(String property, String module) {
        Path jar = Path.of(System.getProperty(property, "../" + module + "/target/" + module + ".jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + module + " jar is missing at " + jar.toAbsolutePath()
                    + ". Run `mvn package -DskipTests` (or `mvn install -DskipTests`) from the repository root first.");
        }
        return jar;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
