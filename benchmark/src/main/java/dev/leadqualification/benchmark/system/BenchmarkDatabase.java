package dev.leadqualification.benchmark.system;

import dev.leadqualification.localruntime.LocalPostgres;

import java.util.Locale;
import java.util.UUID;

/**
 * A new, empty database for one benchmark run ({@code lq_benchmark_<random>}) on the PostgreSQL server at the
 * given maintenance URL (else an embedded one, as for tests); dropped on close unless it is to be kept.
 */
public final class BenchmarkDatabase implements AutoCloseable {

    private final LocalPostgres server;
    private final String name;
    private final JdbcTarget target;
    private final boolean keep;
    private boolean closed;

    private BenchmarkDatabase(LocalPostgres server, String name, boolean keep) {
        this.server = server;
        this.name = name;
        this.target = new JdbcTarget(server.database(name), server.user(), server.password());
        this.keep = keep;
    }

    public static BenchmarkDatabase create(String adminUrl, String user, String password, boolean keep) {
        LocalPostgres server = LocalPostgres.atOrEmbedded(adminUrl, user, password, null);
        String name = "lq_benchmark_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        BenchmarkDatabase database = new BenchmarkDatabase(server, name, keep);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "drop " + name));
        return database;
    }

    public JdbcTarget target() {
        return target;
    }

    public String name() {
        return name;
    }

    /** Whether the server is an embedded one started for this run (no PostgreSQL answered at the URL). */
    public boolean isEmbedded() {
        return server.isEmbedded();
    }

    /** Drops the database (unless kept) and stops an embedded server; again, it does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!keep) {
                server.dropDatabase(name);
            }
        } finally {
            server.close();
        }
    }
}
