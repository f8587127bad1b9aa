package dev.leadqualification.kernel.opportunity;

/** How an opportunity was closed. */
public enum OpportunityOutcome {
    WON, LOST;

    /** The status an opportunity closed so has. */
    public OpportunityStatus status() {
        return this == WON ? OpportunityStatus.WON : OpportunityStatus.LOST;
    }
}
