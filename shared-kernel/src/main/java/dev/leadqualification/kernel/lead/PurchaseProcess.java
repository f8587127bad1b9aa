package dev.leadqualification.kernel.lead;

/** Who decides the purchase. */
public enum PurchaseProcess {
    INDIVIDUAL, COMMITTEE, UNKNOWN
}
