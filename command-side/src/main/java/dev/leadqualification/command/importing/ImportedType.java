package dev.leadqualification.command.importing;

import dev.leadqualification.command.directory.JdbcCustomerDirectory;
import dev.leadqualification.command.directory.RecordCreation;
import dev.leadqualification.kernel.duplicates.DuplicateExperience;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;
import dev.leadqualification.kernel.duplicates.DuplicatesFound;
import dev.leadqualification.kernel.duplicates.RuleEntity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What differs between importing accounts and contacts: their fields, events, rules and directory. */
interface ImportedType<D> {

    /** The field of a line that holds the record's id, as in the body of the direct create. */
    String idField();

    Class<D> detailsType();

    /** The aggregate class of these records. */
    Class<?> aggregate();

    /** The creation event that {@code POST /api/accounts|contacts} records, owned by {@code ownerId}. */
    Object createdEvent(String id, D details, String ownerId);

    /**
     * How a stored creation event of this type created its record, to compare a repeated import with. The
     * same comparison and conflict as a repeated direct create ({@link RecordCreation#requireSameAs}).
     */
    RecordCreation<D> creationBy(Object createdEvent);

    /** "account" or "contact", as conflicts name the record. */
    String recordName();

    RuleEntity ruleEntity();

    /** The fields duplicate rules compare. */
    Map<String, String> ruleFields(D details);

    /** The account a new record must be listed under, if any. */
    String parentAccountId(D details);

    /** A record of the same file as a match in a duplicate warning, as the directory would show it. */
    DuplicateMatch asMatch(String id, D details, Instant createdAt, List<String> matchedRules);

    DuplicatesFound duplicatesFound(DuplicateExperience experience, List<DuplicateMatch> matches);

    void list(JdbcCustomerDirectory directory, List<JdbcCustomerDirectory.Listing<D>> records);
}
