package dev.leadqualification.kernel.common;

/** The kinds of customer record a qualification can create or link. */
public enum RecordType {
    ACCOUNT, CONTACT, OPPORTUNITY
}
