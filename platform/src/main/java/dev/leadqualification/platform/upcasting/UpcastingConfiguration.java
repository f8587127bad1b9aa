package dev.leadqualification.platform.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.stream.Stream;

/**
 * The event upcasters both services apply. Axon's Spring Boot auto-configuration registers every
 * {@link EventUpcaster} bean with its configurer, and the JDBC event storage engine reads through that chain
 * ({@code Configuration.upcasterChain()}): aggregates, sagas, streaming processors and direct reads of the event
 * store all see upcast events. An upcaster is only needed where an event's stored shape changed; a new field that
 * may be absent needs none (Jackson leaves it null).
 */
@AutoConfiguration
public class UpcastingConfiguration {

    @Bean
    public EventUpcaster noteAddedAttachmentUpcaster() {
        return new NoteAddedAttachmentUpcaster();
    }

    /**
     * Records got owners: the creations and the qualification stored before name the user who acted as the owner.
     * The types as they are stored: facts of the past, so spelled out rather than taken from the classes.
     */
    @Bean
    public EventUpcaster ownerFromActorUpcasters() {
        return new EventUpcasterChain(Stream.of("dev.leadqualification.kernel.lead.LeadCreated",
                        "dev.leadqualification.kernel.lead.LeadQualified",
                        "dev.leadqualification.kernel.account.AccountCreated",
                        "dev.leadqualification.kernel.contact.ContactCreated",
                        "dev.leadqualification.kernel.opportunity.OpportunityCreated")
                .map(OwnerFromActorUpcaster::new).toList());
    }
}
