package dev.leadqualification.command.importing;

/** What became of one line of an import. */
sealed interface LineOutcome {

    int line();

    /** The line's record was created, or found stored already with the same details (a repeated import). */
    record Imported(int line, String id) implements LineOutcome {
    }

    /** The line was not imported, for this reason (answered as the problem it would be for the direct create). */
    record Refused(int line, RuntimeException reason) implements LineOutcome {
    }
}
