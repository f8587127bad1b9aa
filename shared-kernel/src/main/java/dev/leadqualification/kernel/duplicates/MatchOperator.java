package dev.leadqualification.kernel.duplicates;

/** How a condition compares one field of two records (after normalisation). */
public enum MatchOperator {
    /** The whole values are equal. */
    EXACT,
    /** The first {@code characters} characters are equal; a shorter value never matches. */
    SAME_FIRST_CHARACTERS,
    /** The last {@code characters} characters are equal; a shorter value never matches. */
    SAME_LAST_CHARACTERS
}
