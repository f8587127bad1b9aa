package dev.leadqualification.command.contact;

import dev.leadqualification.command.directory.CustomerDirectory;
import dev.leadqualification.command.directory.RecordCreation;
import dev.leadqualification.command.duplicates.DuplicateCheck;
import dev.leadqualification.command.duplicates.DuplicateDetector;
import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.command.web.DirectCreation;
import dev.leadqualification.kernel.common.InvalidField;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.contact.CreateContact;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rules of a new contact, in one place: the {@link Contact} aggregate decides every {@link CreateContact} with
 * them (direct creates and the qualification saga's), and an import decides each of its lines with them, so a rule
 * or a field added here holds for imported contacts too.
 */
public final class ContactCreation {

    private ContactCreation() {
    }

    /** The command a direct create asks for: the body of {@code POST /api/contacts}, or a line of an import. */
    public static CreateContact requestedBy(DirectCreation<ContactDetails> body, String ownerId) {
        return new CreateContact(body.id(), body.details(), null, !body.suppressDuplicateDetection(), ownerId);
    }

    /**
     * The event that creates the contact {@code command} asks for, given how the contact under its id was created
     * ({@code existing}, null if there is none). None for the same create again; other details under the id: 409.
     * A direct create's parent account must exist ({@code accountExists}); a new contact that matches a published
     * duplicate rule is refused when the command asks for the check.
     */
    public static Optional<ContactCreated> decide(CreateContact command, RecordCreation<ContactDetails> existing,
                                                  Predicate<String> accountExists, DuplicateDetector detector,
                                                  SettingsLookup settings) {
        ContactDetails details = command.details();
        if (existing != null) {
            existing.requireSameAs(new RecordCreation<>(details, command.originatingLeadId()), "contact",
                    command.contactId());
            return Optional.empty();
        }
        if (details.lastName() == null || details.lastName().isBlank()) {
            throw new InvalidField("lastName", "is required");
        }
        // A qualification's parent account may be created in the same transaction, before the directory
        // sees it; the lead already checked the accounts it links, so only direct creates are checked here.
        if (command.originatingLeadId() == null && details.parentAccountId() != null
                && !accountExists.test(details.parentAccountId())) {
            throw CustomerDirectory.unknownParentAccount();
        }
        DuplicateCheck.refuseDuplicate(null, details, command.checkDuplicates(), detector, settings);
        return Optional.of(new ContactCreated(command.contactId(), details, command.originatingLeadId(),
                command.ownerId()));
    }

    /** How {@code event} created its contact: what a create under the same id is compared with. */
    public static RecordCreation<ContactDetails> creationBy(ContactCreated event) {
        return new RecordCreation<>(event.details(), event.originatingLeadId());
    }
}
