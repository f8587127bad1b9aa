package dev.leadqualification.command.importing;

import dev.leadqualification.command.duplicates.DuplicateDetector;
import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.command.web.DirectCreation;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;
import dev.leadqualification.kernel.duplicates.RuleEntity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** What differs between importing accounts and contacts: their fields, creation rules and duplicate rules. */
interface ImportedType<D> {

    /** The field of a line that holds the record's id, as in the body of the direct create. */
    String idField();

    Class<D> detailsType();

    /** The aggregate class of these records. */
    Class<?> aggregate();

    /**
     * The creation event of the record a line asks for, decided by the aggregate's own creation rules on the command
     * the direct create would send: none if {@code storedCreation} (the creation event stored under its id, null if
     * none) created the same record already; throws what those rules refuse. The record is {@code ownerId}'s.
     */
    Optional<?> decide(DirectCreation<D> line, String ownerId, Object storedCreation, Predicate<String> accountExists,
                       DuplicateDetector detector, SettingsLookup settings);

    /** "account" or "contact", as conflicts name the record. */
    String recordName();

    RuleEntity ruleEntity();

    /** The fields duplicate rules compare. */
    Map<String, String> ruleFields(D details);

    /** The account a new record must be listed under, if any. */
    String parentAccountId(D details);

    /** A record of the same file as a match in a duplicate warning, as the directory would show it. */
    DuplicateMatch asMatch(String id, D details, Instant createdAt, List<String> matchedRules);
}
