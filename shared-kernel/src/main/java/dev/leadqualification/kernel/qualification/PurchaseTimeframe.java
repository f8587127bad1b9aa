package dev.leadqualification.kernel.qualification;

/** When the prospect intends to buy. */
public enum PurchaseTimeframe {
    IMMEDIATE, THIS_QUARTER, NEXT_QUARTER, THIS_YEAR, UNKNOWN
}
