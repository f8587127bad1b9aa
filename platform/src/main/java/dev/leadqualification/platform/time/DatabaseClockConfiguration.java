package dev.leadqualification.platform.time;

import dev.leadqualification.platform.fence.AxonExtension;
import dev.leadqualification.platform.fence.ConditionalOnAxonExtension;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Axon tells time by the database's clock ({@link DatabaseClock}), measured at start and every minute; this is the one
 * place that sets Axon's clocks.
 */
@AutoConfiguration
@ConditionalOnAxonExtension(DatabaseClockConfiguration.NAME)
@AxonExtension(name = DatabaseClockConfiguration.NAME, reliesOn = {
        "The JDBC token store stamps and judges segment claims (whose claim has timed out, so that another instance may"
                + " take the segment over) by the public static AbstractTokenEntry.clock",
        "Every event is stamped by the public static GenericEventMessage.clock"})
public class DatabaseClockConfiguration {

    public static final String NAME = "database-clock";

    private static final Logger log = LoggerFactory.getLogger(DatabaseClockConfiguration.class);
    private static final long RESYNC_SECONDS = 60;

    @Bean
    public DatabaseClock databaseClock(JdbcTemplate jdbc) {
        return new DatabaseClock(jdbc);
    }

    /** Started before Axon's processors (which claim segments) and stopped after them. */
    @Bean
    public SmartLifecycle axonOnTheDatabaseClock(DatabaseClock clock) {
        return new SmartLifecycle() {
            private ScheduledExecutorService resync;

            @Override
            public void start() {
                log.info("Telling time by the database's clock, {} from this host's", clock.synchronise());
                AbstractTokenEntry.clock = clock;
                GenericEventMessage.clock = clock;
                resync = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "database-clock");
                    thread.setDaemon(true);
                    return thread;
                });
                resync.scheduleWithFixedDelay(() -> {
                    try {
                        clock.synchronise();
                    } catch (RuntimeException unreachable) {
                        log.debug("Could not read the database's clock; keeping the last offset", unreachable);
                    }
                }, RESYNC_SECONDS, RESYNC_SECONDS, TimeUnit.SECONDS);
            }

            @Override
            public void stop() {
                resync.shutdownNow();
                resync = null;
            }

            @Override
            public boolean isRunning() {
                return resync != null;
            }

            @Override
            public int getPhase() {
                return Integer.MIN_VALUE / 2;
            }
        };
    }
}
