package dev.leadqualification.command.importing;

import dev.leadqualification.command.web.DirectCreation;

/**
 * A line that reads as a valid create: the create as the direct create reads its body (its id is the line's, else a
 * new one), with duplicate detection suppressed if the request suppresses it for every line.
 */
record Candidate<D>(int line, DirectCreation<D> creation) {

    static <D> Candidate<D> of(int line, DirectCreation<D> creation, ImportRun run) {
        return new Candidate<>(line, run.suppressDuplicateDetection() ? creation.suppressingDuplicateDetection()
                : creation);
    }

    String id() {
        return creation.id();
    }

    /** Whether the line names its record's id (else the import chose a new one). */
    boolean idChosen() {
        return creation.idChosen();
    }

    D details() {
        return creation.details();
    }
}
