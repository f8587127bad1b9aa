package dev.leadqualification.platform.testing;

import dev.leadqualification.localruntime.LocalPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.Locale;
import java.util.UUID;

/**
 * Creates an empty PostgreSQL database for one test run, so runs never see each other's data. The server is
 * the one at {@code TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user
 * {@code TEST_POSTGRES_USER} default {@code postgres}, password {@code TEST_POSTGRES_PASSWORD}); where none
 * answers and the user is not root, an embedded one. The database is dropped when the JVM exits.
 */
public final class FreshDatabase {

    private static final LocalPostgres SERVER = LocalPostgres.atOrEmbedded(
            env("TEST_POSTGRES_URL", LocalPostgres.DEFAULT_ADMIN_URL),
            env("TEST_POSTGRES_USER", "postgres"),
            env("TEST_POSTGRES_PASSWORD", ""),
            null);
    public static final String USER = SERVER.user();
    public static final String PASSWORD = SERVER.password();

    private final String name;
    private final String jdbcUrl;

    private FreshDatabase(String name) {
        this.name = name;
        this.jdbcUrl = SERVER.database(name);
    }

    /** A new, empty database whose name starts with {@code lq_<purpose>_}. */
    public static FreshDatabase create(String purpose) {
        String name = ("lq_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        FreshDatabase database = new FreshDatabase(name);
        Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
        return database;
    }

    /** Points a Spring test's datasource at this database: call it from a {@code @DynamicPropertySource} method. */
    public void useAsDataSource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::jdbcUrl);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String name() {
        return name;
    }

    private void drop() {
        try {
            SERVER.dropDatabase(name);
        } catch (IllegalStateException ignored) {
            // best effort at JVM exit: a leftover test database is harmless
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
