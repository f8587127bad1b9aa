package dev.leadqualification.command.importing;

import dev.leadqualification.command.contact.Contact;
import dev.leadqualification.command.contact.ContactCreation;
import dev.leadqualification.command.duplicates.DuplicateDetector;
import dev.leadqualification.command.duplicates.RecordFields;
import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.command.web.DirectCreation;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;
import dev.leadqualification.kernel.duplicates.RuleEntity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Contacts, imported as {@code POST /api/contacts} creates them (a parent account must exist already). */
final class ImportedContacts implements ImportedType<ContactDetails> {

    static final ImportedContacts TYPE = new ImportedContacts();

    private ImportedContacts() {
    }

    @Override
    public String idField() {
        return "contactId";
    }

    @Override
    public Class<ContactDetails> detailsType() {
        return ContactDetails.class;
    }

    @Override
    public Class<?> aggregate() {
        return Contact.class;
    }

    @Override
    public Optional<ContactCreated> decide(DirectCreation<ContactDetails> line, String ownerId, Object storedCreation,
                                           Predicate<String> accountExists, DuplicateDetector detector,
                                           SettingsLookup settings) {
        return ContactCreation.decide(ContactCreation.requestedBy(line, ownerId),
                storedCreation == null ? null : ContactCreation.creationBy((ContactCreated) storedCreation),
                accountExists, detector, settings);
    }

    @Override
    public String recordName() {
        return "contact";
    }

    @Override
    public RuleEntity ruleEntity() {
        return RuleEntity.CONTACT;
    }

    @Override
    public Map<String, String> ruleFields(ContactDetails details) {
        return RecordFields.of(details);
    }

    @Override
    public String parentAccountId(ContactDetails details) {
        return details.parentAccountId();
    }

    /** Named and phoned as the directory shows contacts: full name, business phone else mobile. */
    @Override
    public DuplicateMatch asMatch(String id, ContactDetails details, Instant createdAt, List<String> matchedRules) {
        return new DuplicateMatch(id, details.fullName(), details.email(),
                details.businessPhone() != null ? details.businessPhone() : details.mobilePhone(),
                details.address() == null ? null : details.address().city(), createdAt, matchedRules);
    }
}
