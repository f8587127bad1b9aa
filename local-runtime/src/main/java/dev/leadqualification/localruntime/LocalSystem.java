package dev.leadqualification.localruntime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole system on this machine: PostgreSQL (the configured one, else embedded), the command side on
 * 8080 and the query side on 8081 with three demo users, until Ctrl-C.
 * <p>
 * Settings (environment): {@code SPRING_DATASOURCE_URL} — the database both services use (created if
 * missing; default {@code jdbc:postgresql://127.0.0.1:5432/leads}); {@code SPRING_DATASOURCE_USERNAME},
 * {@code SPRING_DATASOURCE_PASSWORD}; {@code COMMAND_SIDE_PORT}, {@code QUERY_SIDE_PORT};
 * {@code COMMAND_SIDE_INSTANCES}, {@code QUERY_SIDE_INSTANCES} (default 1 each): more instances of a side listen on
 * the ports after its first one (8082, 8083, … are then taken in turn: the command side's first).
 */
public final class LocalSystem {

    /** username, password, roles: for trying the system locally only. */
    static final List<List<String>> DEMO_USERS = List.of(
            List.of("sales", "sales", "SALES"),
            List.of("admin", "admin", "ADMIN"),
            List.of("auditor", "auditor", "AUDITOR"));

    private LocalSystem() {
    }

    public static void main(String[] args) throws InterruptedException {
        String databaseUrl = env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/leads");
        String user = env("SPRING_DATASOURCE_USERNAME", "postgres");
        String password = env("SPRING_DATASOURCE_PASSWORD", "");
        int commandPort = Integer.parseInt(env("COMMAND_SIDE_PORT", "8080"));
        int queryPort = Integer.parseInt(env("QUERY_SIDE_PORT", "8081"));
        Path root = Path.of(env("LEADS_HOME", ".")).toAbsolutePath().normalize();

        String databaseName = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        String adminUrl = databaseUrl.substring(0, databaseUrl.lastIndexOf('/') + 1) + "postgres";
        LocalPostgres postgres;
        try {
            postgres = LocalPostgres.atOrEmbedded(adminUrl, user, password, root.resolve("target/local-postgres"));
        } catch (IllegalStateException noDatabase) {
            System.err.println(noDatabase.getMessage());
            System.exit(2);
            return;
        }
        String url = postgres.database(databaseName);

        Map<String, String> environment = new java.util.LinkedHashMap<>(Map.of(
                "SPRING_DATASOURCE_URL", url,
                "SPRING_DATASOURCE_USERNAME", postgres.user(),
                "SPRING_DATASOURCE_PASSWORD", postgres.password()));
        for (int i = 0; i < DEMO_USERS.size(); i++) {
            List<String> demo = DEMO_USERS.get(i);
            environment.put("LEADS_SECURITY_USERS_" + i + "_USERNAME", demo.get(0));
            environment.put("LEADS_SECURITY_USERS_" + i + "_PASSWORD", "{noop}" + demo.get(1));
            environment.put("LEADS_SECURITY_USERS_" + i + "_ROLES", demo.get(2));
        }
        Path logs = root.resolve("target/run-logs");
        int commandInstances = Integer.parseInt(env("COMMAND_SIDE_INSTANCES", "1"));
        int queryInstances = Integer.parseInt(env("QUERY_SIDE_INSTANCES", "1"));
        int nextPort = Math.max(commandPort, queryPort) + 1;
        List<ServiceProcess> services = new ArrayList<>();
        for (int i = 0; i < commandInstances; i++) {
            services.add(service(root, logs, "command-side", i, i == 0 ? commandPort : nextPort++, environment));
        }
        for (int i = 0; i < queryInstances; i++) {
            services.add(service(root, logs, "query-side", i, i == 0 ? queryPort : nextPort++, environment));
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.forEach(ServiceProcess::stop);
            postgres.close();
            stopped.countDown();
        }));
        System.out.println("Starting " + services.size() + " service instances on " + url
                + (postgres.isEmbedded() ? " (embedded PostgreSQL)" : "") + "; logs in " + logs);
        services.forEach(ServiceProcess::start);
        for (ServiceProcess service : services) {
            service.awaitHealthy(Duration.ofMinutes(3));
        }
        ServiceProcess commandSide = services.get(0);

        System.out.println();
        System.out.println("Lead qualification service is running.");
        services.forEach(service -> System.out.println("  " + service.name() + ": " + service.baseUrl() + "/api"));
        System.out.println("  demo users (username / password / role):");
        DEMO_USERS.forEach(demo -> System.out.printf("    %-8s / %-8s / %s%n", demo.get(0), demo.get(1), demo.get(2)));
        System.out.println("  try: curl -u sales:sales -H 'Content-Type: application/json' -d '{\"topic\":\"50 chairs\","
                + "\"lastName\":\"Lopez\",\"companyName\":\"Contoso\"}' " + commandSide.baseUrl() + "/api/leads");
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /** Instance {@code index} of {@code side}: {@code command-side}, {@code command-side-2}, … */
    private static ServiceProcess service(Path root, Path logs, String side, int index, int port,
                                          Map<String, String> environment) {
        String name = index == 0 ? side : side + "-" + (index + 1);
        return new ServiceProcess(name, root.resolve(side + "/target/" + side + ".jar"), port, environment,
                logs.resolve(name + ".log"), List.of("-Xmx512m"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
