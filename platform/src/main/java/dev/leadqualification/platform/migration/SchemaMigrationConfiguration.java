package dev.leadqualification.platform.migration;

import dev.leadqualification.platform.instances.LiveInstances;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Both services share one database: the event store tables belong to neither, so each service first applies
 * the shared {@code db/eventstore} migrations (own history table), then its own ({@code spring.flyway.*}).
 * A session-level advisory lock serialises the two services when they start at the same moment. The schema
 * is never empty for the second history table, so each starts from baseline 0 (its V1 still runs). A migration
 * marked as not rolling-safe waits for the older instances to be gone ({@link RollingUpgradeGuard}).
 */
@AutoConfiguration
public class SchemaMigrationConfiguration {

    /** Arbitrary but fixed: the advisory lock key that both services take while migrating. */
    static final long MIGRATION_LOCK_KEY = 0x4C51_4D49_4752L;

    @Bean
    public FlywayMigrationStrategy eventStoreFirstMigrationStrategy(LiveInstances instances) {
        return serviceFlyway -> {
            DataSource dataSource = serviceFlyway.getConfiguration().getDataSource();
            try (Connection lockHolder = dataSource.getConnection()) {
                execute(lockHolder, "SELECT pg_advisory_lock(" + MIGRATION_LOCK_KEY + ")");
                try {
                    Flyway.configure()
                            .dataSource(dataSource)
                            .locations("classpath:db/eventstore")
                            .table("flyway_history_event_store")
                            .baselineOnMigrate(true)
                            .baselineVersion("0")
                            .load()
                            .migrate();
                    Flyway service = Flyway.configure()
                            .configuration(serviceFlyway.getConfiguration())
                            .baselineOnMigrate(true)
                            .baselineVersion("0")
                            .load();
                    RollingUpgradeGuard.check(service, instances);
                    service.migrate();
                } finally {
                    execute(lockHolder, "SELECT pg_advisory_unlock(" + MIGRATION_LOCK_KEY + ")");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not take the schema migration lock: " + e.getMessage(), e);
            }
        };
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
