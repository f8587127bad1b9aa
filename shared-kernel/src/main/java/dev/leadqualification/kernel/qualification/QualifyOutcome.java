package dev.leadqualification.kernel.qualification;

/**
 * What a qualify command answers: the lead was qualified ({@code QualificationResult}), or possible
 * duplicates were found and the lead stays open ({@code DuplicatesFound}).
 */
public interface QualifyOutcome {
}
