package dev.leadqualification.platform.migration;

import dev.leadqualification.platform.instances.LiveInstances;
import dev.leadqualification.platform.instances.ServiceInstance;
import dev.leadqualification.platform.testing.FreshDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A migration that is not rolling-safe runs only when no other instance of the service is connected. */
class RollingUpgradeGuardTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create("rolling_upgrade");
    private final ServiceInstance self = new ServiceInstance("query-side", "new-host", "new");
    private final Flyway flyway = Flyway.configure()
            .dataSource(DATABASE.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD)
            .locations("classpath:db/rolling-upgrade-test")
            .load();
    private final LiveInstances instances = new LiveInstances(new JdbcTemplate(
            new DriverManagerDataSource(DATABASE.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD)), self);

    @Test
    void aMarkedMigrationIsRefusedWhileAnOlderInstanceRuns() throws Exception {
        try (Connection olderInstance = connectAs("query-side/old-host/old")) {
            assertThatThrownBy(() -> RollingUpgradeGuard.check(flyway, instances))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("V1__empties_a_table.sql")
                    .hasMessageContaining("query-side/old-host/old")
                    .hasMessageContaining("cannot be rolling");
        }
    }

    @Test
    void itRunsOnceTheOlderInstancesAreGoneAndOtherServicesDoNotCount() throws Exception {
        try (Connection otherService = connectAs("command-side/old-host/old")) {
            assertThatCode(() -> RollingUpgradeGuard.check(flyway, instances)).doesNotThrowAnyException();
        }
    }

    private static Connection connectAs(String applicationName) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", FreshDatabase.USER);
        properties.setProperty("password", FreshDatabase.PASSWORD);
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(DATABASE.jdbcUrl(), properties);
    }
}
