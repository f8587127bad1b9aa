package dev.leadqualification.kernel.duplicates;

import dev.leadqualification.kernel.qualification.QualifyOutcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records a new account or contact may duplicate, and how the warning is shown. As a qualify outcome the
 * lead stays open; the salesperson answers with a duplicate resolution.
 */
public record DuplicatesFound(DuplicateExperience experience, List<DuplicateMatch> matchedAccounts,
                              List<DuplicateMatch> matchedContacts) implements QualifyOutcome {

    public boolean any() {
        return !matchedAccounts.isEmpty() || !matchedContacts.isEmpty();
    }

    /** The API's form: {@code experience}, {@code matchedAccounts} ({@code accountId}, {@code name}, ...), {@code matchedContacts}. */
    public Map<String, Object> asProblemExtensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("experience", experience);
        extensions.put("matchedAccounts", matchedAccounts.stream().map(match -> view(match, "accountId", "name")).toList());
        extensions.put("matchedContacts", matchedContacts.stream().map(match -> view(match, "contactId", "fullName")).toList());
        return extensions;
    }

    private static Map<String, Object> view(DuplicateMatch match, String idName, String nameName) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(idName, match.id());
        view.put(nameName, match.name());
        view.put("email", match.email());
        view.put("phone", match.phone());
        view.put("city", match.city());
        view.put("createdAt", match.createdAt());
        view.put("matchedRules", match.matchedRules());
        return view;
    }
}
