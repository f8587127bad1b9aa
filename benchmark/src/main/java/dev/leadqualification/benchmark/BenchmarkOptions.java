package dev.leadqualification.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The benchmark's parameters: {@code --name value} or {@code --name=value}; every size has the value as
 * its default. Without {@code --command-url} the benchmark starts both services itself on a fresh database.
 */
public final class BenchmarkOptions {

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    /** The scenarios of the benchmark issue (the default). */
    public static final String STANDARD = "standard";
    /** Several instances of each side on one database (issue 20): {@code --instances} of each beside one of each. */
    public static final String SEVERAL_INSTANCES = "several-instances";
    /** A store of --accounts, --contacts (imported) and --leads (qualified in calls), then scenario 4 alone (issue 21). */
    public static final String REPLAY = "replay";

    static {
        DEFAULTS.put("scenario", STANDARD);
        // scenario sizes
        DEFAULTS.put("leads", "10000");
        DEFAULTS.put("batch", "1000");
        DEFAULTS.put("batch-clients", "1");
        DEFAULTS.put("clients", "16");
        DEFAULTS.put("latency-samples", "200");
        DEFAULTS.put("duplicate-checks", "1000");
        DEFAULTS.put("duplicate-warmup", "10000");
        DEFAULTS.put("accounts", "1000000");
        DEFAULTS.put("contacts", "1000000");
        DEFAULTS.put("import-batch", "50000");
        DEFAULTS.put("import-clients", "1");
        DEFAULTS.put("warmup", "1000");
        DEFAULTS.put("warmup-rounds", "10");
        DEFAULTS.put("baseline-seconds", "10");
        DEFAULTS.put("baseline-threads", "16");
        DEFAULTS.put("instances", "2");
        DEFAULTS.put("idle-seconds", "60");
        // how the benchmark works
        DEFAULTS.put("creation-clients", "8");
        DEFAULTS.put("poll-ms", "5");
        DEFAULTS.put("timeout-minutes", "30");
        DEFAULTS.put("service-heap", "512m");
        DEFAULTS.put("service-pool-size", "");
        DEFAULTS.put("home", ".");
        DEFAULTS.put("output", "");
        DEFAULTS.put("command-jar", "");
        DEFAULTS.put("query-jar", "");
        DEFAULTS.put("postgres-url", env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"));
        DEFAULTS.put("postgres-user", env("TEST_POSTGRES_USER", "postgres"));
        DEFAULTS.put("postgres-password", env("TEST_POSTGRES_PASSWORD", ""));
        DEFAULTS.put("keep-database", "false");
        // services that run elsewhere
        DEFAULTS.put("command-url", "");
        DEFAULTS.put("query-url", "");
        DEFAULTS.put("user", "");
        DEFAULTS.put("password", "");
        DEFAULTS.put("jdbc-url", "");
        DEFAULTS.put("jdbc-user", "postgres");
        DEFAULTS.put("jdbc-password", "");
    }

    public static final String USAGE = """
            benchmark/run.sh [--name value ...]
              what:     --scenario standard (the benchmark issue's scenarios 1-5) | several-instances (1+1 instances
                        with the lead cache on and off, then --instances 2 of each: leads/s, idle latency, idle
                        transactions over --idle-seconds 60, take-over of a killed instance's segments) | replay (a store
                        of --accounts and --contacts imported and --leads qualified, then scenario 4 alone: replay events/s
                        beside COPY of the same read rows, lead reads' p99 during the rebuild against idle)
              sizes:    --leads 10000 --batch 1000 --batch-clients 1 --clients 16 --latency-samples 200
                        --duplicate-checks 1000 --duplicate-warmup 10000 --accounts 1000000 --contacts 1000000
                        --import-batch 50000 --import-clients 1 --warmup 1000 --warmup-rounds 10
                        --baseline-seconds 10 --baseline-threads 16
              running:  --creation-clients 8 --poll-ms 5 --timeout-minutes 30 --service-heap 512m
                        --service-pool-size (each instance's connections; default: the services' own)
                        --home . --output <home>/benchmark/target/report --command-jar --query-jar
                        --postgres-url jdbc:postgresql://127.0.0.1:5432/postgres --postgres-user postgres
                        --postgres-password '' --keep-database false
              services that already run (instead of starting them): --command-url --query-url
                        --user --password (an ADMIN user) [--jdbc-url --jdbc-user --jdbc-password for the
                        baseline and the event count; memory is then not measured]
            """;

    private final Map<String, String> values;

    private BenchmarkOptions(Map<String, String> values) {
        this.values = values;
    }

    public static BenchmarkOptions parse(String... arguments) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("Not an option: " + argument + "\n" + USAGE);
            }
            String name = argument.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < arguments.length) {
                value = arguments[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value\n" + USAGE);
            }
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + "\n" + USAGE);
            }
            values.put(name, value);
        }
        BenchmarkOptions options = new BenchmarkOptions(values);
        options.validate();
        return options;
    }

    private void validate() {
        for (String size : new String[]{"leads", "batch", "batch-clients", "clients", "latency-samples",
                "duplicate-checks", "import-batch", "import-clients", "baseline-threads", "creation-clients",
                "poll-ms", "timeout-minutes", "warmup-rounds"}) {
            if (integer(size) < 1) {
                throw new IllegalArgumentException("--" + size + " must be 1 or more");
            }
        }
        for (String size : new String[]{"accounts", "contacts", "warmup", "duplicate-warmup", "baseline-seconds"}) {
            if (integer(size) < 0) {
                throw new IllegalArgumentException("--" + size + " must be 0 or more");
            }
        }
        if (warmupRounds() > 26) {
            throw new IllegalArgumentException("--warmup-rounds must be at most 26");
        }
        if (batch() > 1000) {
            throw new IllegalArgumentException("--batch must be at most 1000 (the bulk qualify limit)");
        }
        if (!List.of(STANDARD, SEVERAL_INSTANCES, REPLAY).contains(scenario())) {
            throw new IllegalArgumentException("--scenario must be " + STANDARD + ", " + SEVERAL_INSTANCES + " or "
                    + REPLAY);
        }
        if (integer("instances") < 2) {
            throw new IllegalArgumentException("--instances must be 2 or more");
        }
        if (integer("idle-seconds") < 1) {
            throw new IllegalArgumentException("--idle-seconds must be 1 or more");
        }
        if (severalInstances() && servicesGiven()) {
            throw new IllegalArgumentException("--scenario " + SEVERAL_INSTANCES + " starts the instances itself: "
                    + "no --command-url");
        }
        if (servicesGiven() && (values.get("query-url").isBlank() || values.get("user").isBlank())) {
            throw new IllegalArgumentException("--command-url needs --query-url, --user and --password as well");
        }
    }

    /** Every parameter as given or defaulted, passwords left out: what the report records. */
    public Map<String, String> asParameters() {
        Map<String, String> parameters = new TreeMap<>(values);
        parameters.keySet().removeIf(name -> name.endsWith("password"));
        return parameters;
    }

    public String scenario() {
        return values.get("scenario");
    }

    public boolean severalInstances() {
        return scenario().equals(SEVERAL_INSTANCES);
    }

    public boolean replayOnly() {
        return scenario().equals(REPLAY);
    }

    /** The instances of each side in the several-instances scenario's larger configuration. */
    public int instances() {
        return integer("instances");
    }

    /** How long the idle several-instances system's transactions are counted. */
    public Duration idleWindow() {
        return Duration.ofSeconds(integer("idle-seconds"));
    }

    public int leads() {
        return integer("leads");
    }

    public int batch() {
        return integer("batch");
    }

    /** Bulk qualify calls sent at the same time (scenario 1's batch variant). */
    public int batchClients() {
        return integer("batch-clients");
    }

    /** Client threads qualifying one lead per call (scenario 1's second variant). */
    public int clients() {
        return integer("clients");
    }

    public int latencySamples() {
        return integer("latency-samples");
    }

    /** Duplicate checks timed per entity (accounts, contacts) and store size. */
    public int duplicateChecks() {
        return integer("duplicate-checks");
    }

    /**
     * Untimed duplicate checks per entity before the timed ones, on each store size: the checks run code the other
     * scenarios hardly do (a create answered 409), and a method called once per request is compiled by C2 only after
     * thousands of calls (after 2,000 checks C2 still took 57% of the command side's CPU, async-profiler).
     */
    public int duplicateWarmup() {
        return integer("duplicate-warmup");
    }

    public int accounts() {
        return integer("accounts");
    }

    public int contacts() {
        return integer("contacts");
    }

    public int importBatch() {
        return integer("import-batch");
    }

    public int importClients() {
        return integer("import-clients");
    }

    /** Leads qualified in each warm-up round before measuring, so that the services' code is compiled. */
    public int warmup() {
        return integer("warmup");
    }

    /** Warm-up rounds of {@link #warmup} leads each (a new set each round). */
    public int warmupRounds() {
        return integer("warmup-rounds");
    }

    public Duration baselineDuration() {
        return Duration.ofSeconds(integer("baseline-seconds"));
    }

    public int baselineThreads() {
        return integer("baseline-threads");
    }

    public int creationClients() {
        return integer("creation-clients");
    }

    /** How often one lead is looked at while its completion is awaited (scenario 2). */
    public Duration pollInterval() {
        return Duration.ofMillis(integer("poll-ms"));
    }

    /** The longest any wait for the system (completion, catch-up, replay) may take before the run fails. */
    public Duration timeout() {
        return Duration.ofMinutes(integer("timeout-minutes"));
    }

    public String serviceHeap() {
        return values.get("service-heap");
    }

    /** Each service instance's database connections ({@code SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE}), if given. */
    public Optional<Integer> servicePoolSize() {
        return values.get("service-pool-size").isBlank() ? Optional.empty() : Optional.of(integer("service-pool-size"));
    }

    public Path home() {
        return Path.of(values.get("home")).toAbsolutePath().normalize();
    }

    public Path output() {
        String output = values.get("output");
        return output.isBlank() ? home().resolve("benchmark/target/report") : Path.of(output).toAbsolutePath();
    }

    public Path commandJar() {
        return jar("command-jar", "command-side");
    }

    public Path queryJar() {
        return jar("query-jar", "query-side");
    }

    public String postgresUrl() {
        return values.get("postgres-url");
    }

    public String postgresUser() {
        return values.get("postgres-user");
    }

    public String postgresPassword() {
        return values.get("postgres-password");
    }

    public boolean keepDatabase() {
        return Boolean.parseBoolean(values.get("keep-database"));
    }

    /** Whether the services run elsewhere ({@code --command-url}) instead of being started by the benchmark. */
    public boolean servicesGiven() {
        return !values.get("command-url").isBlank();
    }

    public String commandUrl() {
        return values.get("command-url");
    }

    public String queryUrl() {
        return values.get("query-url");
    }

    public String user() {
        return values.get("user");
    }

    public String password() {
        return values.get("password");
    }

    /** The database of services that run elsewhere, when given. */
    public Optional<String> jdbcUrl() {
        return Optional.of(values.get("jdbc-url")).filter(url -> !url.isBlank());
    }

    public String jdbcUser() {
        return values.get("jdbc-user");
    }

    public String jdbcPassword() {
        return values.get("jdbc-password");
    }

    private Path jar(String option, String module) {
        String jar = values.get(option);
        return jar.isBlank() ? home().resolve(module + "/target/" + module + ".jar") : Path.of(jar).toAbsolutePath();
    }

    private int integer(String name) {
        try {
            return Integer.parseInt(values.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + values.get(name));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
