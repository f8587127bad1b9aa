package dev.leadqualification.platform.migration;

import dev.leadqualification.platform.instances.LiveInstances;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Refuses to start an instance whose pending migrations would pull tables from under instances of the older version
 * that still run (a rolling upgrade): a migration that empties or reshapes tables the running version reads or writes
 * says so with {@value #MARKER} on a line of its own, and runs only when no other instance of the service is live.
 * Every other migration must be one the older version keeps working with (adding a table, a column with a default, an
 * index), so that instances can be replaced one at a time.
 */
final class RollingUpgradeGuard {

    static final String MARKER = "-- leads:requires-all-older-instances-stopped";

    private RollingUpgradeGuard() {
    }

    static void check(Flyway flyway, LiveInstances instances) {
        List<String> stopTheWorld = Arrays.stream(flyway.info().pending())
                .filter(migration -> requiresOlderInstancesStopped(flyway, migration))
                .map(MigrationInfo::getScript).toList();
        if (stopTheWorld.isEmpty()) {
            return;
        }
        List<String> others = instances.others();
        if (!others.isEmpty()) {
            throw new IllegalStateException("Not migrating: " + String.join(", ", stopTheWorld)
                    + " would change tables that the running instances of the older version use ("
                    + String.join(", ", others)
                    + "). Stop every instance of " + instances.self().service() + " first, then start the new version: "
                    + "this upgrade cannot be rolling.");
        }
    }

    private static boolean requiresOlderInstancesStopped(Flyway flyway, MigrationInfo migration) {
        for (Location location : flyway.getConfiguration().getLocations()) {
            ClassPathResource script = new ClassPathResource(location.getPath() + "/" + migration.getScript());
            if (script.exists()) {
                try {
                    return script.getContentAsString(StandardCharsets.UTF_8).lines()
                            .anyMatch(line -> line.strip().equals(MARKER));
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read migration " + migration.getScript(), e);
                }
            }
        }
        return false;
    }
}
