package dev.leadqualification.query.generation;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The shape of the read tables this code reads and writes: {@code readmodel/tables.sql} (tables and the keys the
 * projections write by) and {@code readmodel/indexes.sql} (the readers' indexes), created in a new generation's schema.
 * <p>
 * A projection whose tables change shape changes these files and {@link #VERSION}, not a Flyway migration: an instance
 * of the new code finds the live generation built by an older version, builds one of its own beside it, and every
 * instance switches once it has caught up ({@link ReadModelRebuilds}).
 */
public final class ReadModelSchema {

    /** The shape's version, recorded with every generation built from it. */
    public static final int VERSION = 1;

    private ReadModelSchema() {
    }

    static String tables() {
        return script("readmodel/tables.sql");
    }

    static String indexes() {
        return script("readmodel/indexes.sql");
    }

    private static String script(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The read model's DDL is missing: " + path, e);
        }
    }
}
