package dev.leadqualification.kernel.common;

/** Where a lead came from. */
public enum LeadSource {
    ADVERTISEMENT, EMPLOYEE_REFERRAL, EXTERNAL_REFERRAL, PARTNER, PUBLIC_RELATIONS, SEMINAR, TRADE_SHOW, WEB, WORD_OF_MOUTH, OTHER
}
