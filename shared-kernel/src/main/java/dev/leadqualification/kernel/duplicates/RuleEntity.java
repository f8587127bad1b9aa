package dev.leadqualification.kernel.duplicates;

import java.util.Set;

/** The kind of record a duplicate detection rule compares, and the fields its conditions may name. */
public enum RuleEntity {
    ACCOUNT(Set.of("name", "email", "phone", "website")),
    CONTACT(Set.of("firstName", "lastName", "email", "businessPhone", "mobilePhone"));

    private final Set<String> fields;

    RuleEntity(Set<String> fields) {
        this.fields = fields;
    }

    public Set<String> fields() {
        return fields;
    }
}
