package dev.leadqualification.query.generation;

/**
 * One generation of the read models: its tables live in schema {@link #schemaName()}, shaped as
 * {@link ReadModelSchema} version {@code schemaVersion} was. A rebuild ({@code BUILDING}) goes through its
 * {@link Phase}s and records how far it has read the event store ({@code position}), which instance builds it, how
 * many have started on it ({@code attempt}: 1, then one more each time an instance resumes it after its builder died)
 * and where the last one resumed ({@code resumedFrom}).
 */
public record Generation(long number, String schemaName, int schemaVersion, State state, Phase phase, long position,
                         String builder, int attempt, Long resumedFrom, String failure) {

    public enum State { LIVE, BUILDING, FAILED, RETIRED }

    /** A rebuild's steps: rows first, then the readers' indexes, then the events appended meanwhile, then the switch. */
    public enum Phase { LOADING, INDEXING, CATCHING_UP, SWITCHING }

    static String schemaName(long number) {
        return "read_models_" + number;
    }
}
