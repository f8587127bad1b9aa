package dev.leadqualification.query.contact;

import dev.leadqualification.kernel.contact.ContactAssigned;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.query.readmodel.SearchText;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Projects contacts into {@code contact_view}. */
@Component
@ProcessingGroup(ContactProjection.PROCESSING_GROUP)
public class ContactProjection {

    public static final String PROCESSING_GROUP = "contact-projection";

    private final ContactTable contacts;

    public ContactProjection(ContactTable contacts) {
        this.contacts = contacts;
    }

    @EventHandler
    public void on(ContactCreated event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        contacts.insert(event.contactId(), event.details(), event.originatingLeadId(), event.ownerId(),
                SearchText.of(event.details().fullName(), event.details().email()), at, actor);
    }

    @EventHandler
    public void on(ContactAssigned event, @SequenceNumber long sequence) {
        contacts.assign(event.contactId(), event.ownerId(), sequence);
    }
}
