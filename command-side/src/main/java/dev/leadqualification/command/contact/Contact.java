package dev.leadqualification.command.contact;

import dev.leadqualification.command.directory.CustomerDirectory;
import dev.leadqualification.command.directory.RecordCreation;
import dev.leadqualification.command.duplicates.DuplicateCheck;
import dev.leadqualification.command.duplicates.DuplicateDetector;
import dev.leadqualification.command.ownership.OwnedRecord;
import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.kernel.common.InvalidField;
import dev.leadqualification.kernel.contact.AssignContact;
import dev.leadqualification.kernel.contact.ContactAssigned;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.contact.CreateContact;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A person, optionally under an account, created directly or from a qualified lead. */
@Aggregate(repository = Contact.REPOSITORY)
public class Contact extends OwnedRecord {

    /** The bean name of its repository (a fresh-id repository: see the command side's FreshIdRepositories). */
    public static final String REPOSITORY = "contactRepository";

    @AggregateIdentifier
    private String contactId;
    private RecordCreation<ContactDetails> creation;

    protected Contact() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(CreateContact command, CustomerDirectory directory, SettingsLookup settingsLookup,
                         DuplicateDetector detector) {
        RecordCreation<ContactDetails> requested =
                new RecordCreation<>(command.details(), command.originatingLeadId());
        if (contactId != null) {
            creation.requireSameAs(requested, "contact", contactId);
            return contactId;
        }
        ContactDetails details = command.details();
        if (details.lastName() == null || details.lastName().isBlank()) {
            throw new InvalidField("lastName", "is required");
        }
        // A qualification's parent account may be created in the same transaction, before the directory
        // sees it; the lead already checked the accounts it links, so only direct creates are checked here.
        if (command.originatingLeadId() == null && details.parentAccountId() != null
                && !directory.accountExists(details.parentAccountId())) {
            throw CustomerDirectory.unknownParentAccount();
        }
        DuplicateCheck.refuseDuplicate(null, details, command.checkDuplicates(), detector, settingsLookup);
        apply(new ContactCreated(command.contactId(), details, command.originatingLeadId(),
                command.ownerId()));
        return command.contactId();
    }

    @CommandHandler
    public void handle(AssignContact command) {
        if (isNewOwner(command.ownerId())) {
            apply(new ContactAssigned(contactId, command.ownerId()));
        }
    }

    @EventSourcingHandler
    void on(ContactCreated event) {
        contactId = event.contactId();
        ownedBy(event.ownerId());
        creation = new RecordCreation<>(event.details(), event.originatingLeadId());
    }
}
