package dev.leadqualification.command.duplicates;

import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.contact.ContactDetails;

import java.util.HashMap;
import java.util.Map;

/** The fields duplicate rules may compare, by the names rules use (see {@code RuleEntity}). */
public final class RecordFields {

    private RecordFields() {
    }

    public static Map<String, String> of(AccountDetails account) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", account.name());
        fields.put("email", account.email());
        fields.put("phone", account.phone());
        fields.put("website", account.website());
        return fields;
    }

    public static Map<String, String> of(ContactDetails contact) {
        Map<String, String> fields = new HashMap<>();
        fields.put("firstName", contact.firstName());
        fields.put("lastName", contact.lastName());
        fields.put("email", contact.email());
        fields.put("businessPhone", contact.businessPhone());
        fields.put("mobilePhone", contact.mobilePhone());
        return fields;
    }
}
