package dev.leadqualification.platform.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles of API.md: who may do what. */
public enum Role {
    /** Creates and works leads, accounts and contacts; qualifies; reads the query side but the audit endpoints. */
    SALES,
    /** All of SALES, plus settings, duplicate-detection rules and projection replays. */
    ADMIN,
    /** Read only: query side, lead history, event stream. */
    AUDITOR;

    /** The role a configured or token-borne name stands for ({@code sales} or {@code SALES}), if any. */
    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    /** The authority Spring Security checks for {@code hasRole(name())}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
