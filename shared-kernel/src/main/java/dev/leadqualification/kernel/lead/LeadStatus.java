package dev.leadqualification.kernel.lead;

/** A lead's state. */
public enum LeadStatus {
    OPEN, QUALIFIED, DISQUALIFIED
}
