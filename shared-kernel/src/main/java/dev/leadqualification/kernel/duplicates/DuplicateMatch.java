package dev.leadqualification.kernel.duplicates;

import java.time.Instant;
import java.util.List;

/**
 * An existing account or contact that matches a record about to be created: enough to recognise it
 * ({@code name} is the account name or the contact's full name) and the rules it matched by.
 */
public record DuplicateMatch(String id, String name, String email, String phone, String city, Instant createdAt,
                             List<String> matchedRules) {
}
