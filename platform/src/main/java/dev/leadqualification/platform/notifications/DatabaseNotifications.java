package dev.leadqualification.platform.notifications;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * PostgreSQL's {@code LISTEN}/{@code NOTIFY} for this process: one connection, held out of the pool, listens on every
 * channel a listener registered and calls the listeners (on its one thread: they must return quickly) when another
 * session's transaction that notified commits — in this process or any other on the database. Waiting costs no
 * statement: the driver reads the notifications off the socket. After the connection is lost, each listener is
 * called once with {@code null} when it is back, since notifications sent meanwhile are lost, and should look again.
 */
public class DatabaseNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final long PAUSE_AFTER_FAILURE_MS = 1_000;

    private final DataSource dataSource;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private volatile Thread listener;

    public DatabaseNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Calls {@code onNotification} with each payload sent on {@code channel} (a plain lower-case identifier). Channels
     * are subscribed when the listener starts: register while the application context is being built.
     */
    public void listen(String channel, Consumer<String> onNotification) {
        if (listener != null && !listeners.containsKey(channel)) {
            throw new IllegalStateException("Channel " + channel + " registered after the listener started");
        }
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain channel name: " + channel);
        }
        listeners.computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>()).add(onNotification);
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "database-notifications");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = listener;
        listener = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    /** Started before the processors and streams that it wakes, stopped after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    private void run() {
        boolean reconnected = false;
        while (listener == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    for (String channel : listeners.keySet()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                if (reconnected) {
                    listeners.values().forEach(channel -> channel.forEach(listener -> listener.accept(null)));
                    log.info("Listening to the database's notifications again");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (listener == Thread.currentThread()) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            deliver(notification.getName(), notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException failure) {
                if (listener != Thread.currentThread()) {
                    break;
                }
                log.warn("Lost the database's notifications ({}); polling covers for them until they are back",
                        failure.getMessage());
                reconnected = true;
                try {
                    Thread.sleep(PAUSE_AFTER_FAILURE_MS);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    private void deliver(String channel, String payload) {
        for (Consumer<String> listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.accept(payload);
            } catch (RuntimeException failure) {
                log.warn("A listener of channel {} failed", channel, failure);
            }
        }
    }
}
