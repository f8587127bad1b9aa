package dev.leadqualification.kernel.lead;

/** Why a salesperson closed a lead without qualifying it. */
public enum DisqualificationReason {
    LOST, CANNOT_CONTACT, NO_LONGER_INTERESTED, CANCELED;

    public StatusReason statusReason() {
        return StatusReason.valueOf(name());
    }
}
