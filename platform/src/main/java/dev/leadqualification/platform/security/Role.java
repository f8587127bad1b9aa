package dev.leadqualification.platform.security;

/** The roles of API.md: who may do what. */
public enum Role {
    /** Creates and works leads, accounts and contacts; qualifies; reads the query side but the audit endpoints. */
    SALES,
    /** All of SALES, plus settings, duplicate-detection rules and projection replays. */
    ADMIN,
    /** Read only: query side, lead history, event stream. */
    AUDITOR
}
