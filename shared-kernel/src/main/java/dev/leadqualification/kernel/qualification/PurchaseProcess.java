package dev.leadqualification.kernel.qualification;

/** Who decides the purchase. */
public enum PurchaseProcess {
    INDIVIDUAL, COMMITTEE, UNKNOWN
}
