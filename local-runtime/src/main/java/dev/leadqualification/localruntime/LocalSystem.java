package dev.leadqualification.localruntime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the whole system on this machine: PostgreSQL (the configured one, else embedded), the command side on
 * 8080 and the query side on 8081 with three demo users, until Ctrl-C.
 * <p>
 * Settings (environment): {@code SPRING_DATASOURCE_URL} — the database both services use (created if
 * missing; default {@code jdbc:postgresql://127.0.0.1:5432/leads}); {@code SPRING_DATASOURCE_USERNAME},
 * {@code SPRING_DATASOURCE_PASSWORD}; {@code COMMAND_SIDE_PORT}, {@code QUERY_SIDE_PORT}.
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
        ServiceProcess commandSide = new ServiceProcess("command-side", root.resolve("command-side/target/command-side.jar"),
                commandPort, environment, logs.resolve("command-side.log"), List.of("-Xmx512m"));
        ServiceProcess querySide = new ServiceProcess("query-side", root.resolve("query-side/target/query-side.jar"),
                queryPort, environment, logs.resolve("query-side.log"), List.of("-Xmx512m"));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            commandSide.stop();
            querySide.stop();
            postgres.close();
            stopped.countDown();
        }));
        System.out.println("Starting both services on " + url + (postgres.isEmbedded() ? " (embedded PostgreSQL)" : "")
                + "; logs in " + logs);
        commandSide.start();
        querySide.start();
        commandSide.awaitHealthy(Duration.ofMinutes(3));
        querySide.awaitHealthy(Duration.ofMinutes(3));

        System.out.println();
        System.out.println("Lead qualification service is running.");
        System.out.println("  command API: " + commandSide.baseUrl() + "/api   query API: " + querySide.baseUrl() + "/api");
        System.out.println("  demo users (username / password / role):");
        DEMO_USERS.forEach(demo -> System.out.printf("    %-8s / %-8s / %s%n", demo.get(0), demo.get(1), demo.get(2)));
        System.out.println("  try: curl -u sales:sales -H 'Content-Type: application/json' -d '{\"topic\":\"50 chairs\","
                + "\"lastName\":\"Lopez\",\"companyName\":\"Contoso\"}' " + commandSide.baseUrl() + "/api/leads");
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
