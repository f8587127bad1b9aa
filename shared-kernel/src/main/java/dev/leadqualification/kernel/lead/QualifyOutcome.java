package dev.leadqualification.kernel.lead;

/**
 * What a qualify command answers: the lead was qualified ({@link QualificationResult}), or possible
 * duplicates were found and the lead stays open ({@code DuplicatesFound}).
 */
public interface QualifyOutcome {
}
