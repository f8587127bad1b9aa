package dev.leadqualification.command.contact;

import dev.leadqualification.command.directory.CustomerDirectory;
import dev.leadqualification.command.directory.RecordCreation;
import dev.leadqualification.command.duplicates.DuplicateDetector;
import dev.leadqualification.command.ownership.OwnedRecord;
import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.kernel.contact.AssignContact;
import dev.leadqualification.kernel.contact.ContactAssigned;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.contact.CreateContact;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

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

    /** Decided by {@link ContactCreation}, the rules an import applies to its contacts too. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(CreateContact command, CustomerDirectory directory, SettingsLookup settingsLookup,
                         DuplicateDetector detector) {
        ContactCreation.decide(command, creation, directory::accountExists, detector, settingsLookup)
                .ifPresent(AggregateLifecycle::apply);
        return command.contactId();
    }

    @CommandHandler
    public void handle(AssignContact command) {
        if (isNewOwner(command.ownerId())) {
            AggregateLifecycle.apply(new ContactAssigned(contactId, command.ownerId()));
        }
    }

    @EventSourcingHandler
    void on(ContactCreated event) {
        contactId = event.contactId();
        ownedBy(event.ownerId());
        creation = ContactCreation.creationBy(event);
    }
}
