package dev.leadqualification.kernel.opportunity;

/** Whom an opportunity sells to: the account when there is one, else the contact. */
public record Customer(Type type, String id) {

    public enum Type {
        ACCOUNT, CONTACT
    }

    /** The account when there is one, else the contact, else nobody (null). */
    public static Customer of(String accountId, String contactId) {
        if (accountId != null) {
            return new Customer(Type.ACCOUNT, accountId);
        }
        return contactId == null ? null : new Customer(Type.CONTACT, contactId);
    }
}
