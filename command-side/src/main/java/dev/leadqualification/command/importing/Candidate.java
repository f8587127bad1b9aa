package dev.leadqualification.command.importing;

/**
 * A line that reads as a valid create: the record's id (the line's, else a new one: {@code idChosen} tells which),
 * its details, and whether duplicate detection is suppressed for it (by the request or by the line itself).
 */
record Candidate<D>(int line, String id, boolean idChosen, D details, boolean suppressDuplicateDetection) {
}
