package dev.leadqualification.acceptance.support;

/** The users both services are started with (environment {@code LEADS_SECURITY_USERS_N_*}): each role, two salespeople. */
public enum User {
    /** A salesperson: works and qualifies leads. */
    SAM("sam", "SALES"),
    /** Another salesperson: changes only the records she owns, as sam does. */
    SUE("sue", "SALES"),
    /** An administrator: also changes the organisation's settings. */
    ADA("ada", "ADMIN"),
    /** An auditor: reads only. */
    AUDREY("audrey", "AUDITOR");

    private final String username;
    private final String role;

    User(String username, String role) {
        this.username = username;
        this.role = role;
    }

    public String username() {
        return username;
    }

    public String password() {
        return username + "-secret";
    }

    public String role() {
        return role;
    }
}
