package dev.leadqualification.kernel.opportunity;

/** Whether an opportunity is still being worked (OPEN) or was closed as won or lost. */
public enum OpportunityStatus {
    OPEN, WON, LOST
}
