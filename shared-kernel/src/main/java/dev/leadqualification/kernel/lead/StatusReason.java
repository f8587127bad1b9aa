package dev.leadqualification.kernel.lead;

/** Why a lead is in its state; the last four are the disqualification reasons. */
public enum StatusReason {
    NEW, CONTACTED, QUALIFIED, LOST, CANNOT_CONTACT, NO_LONGER_INTERESTED, CANCELED
}
