package dev.leadqualification.platform.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.common.LeadSource;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadQualificationCompleted;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.opportunity.OpportunityCreated;
import dev.leadqualification.platform.upcasting.StoredBeforeOwners.StoredEvent;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored before records had owners, read through the services' upcaster chain: each record is owned by the
 * user who acted when it was created (the lead by its creator, a qualification's records by the qualifying user),
 * and the new fields a stored event lacks (a lead's campaign, a contact's or opportunity's lead source) are absent.
 */
class OwnerFromActorUpcasterTest {

    private final StoredBeforeOwners stored = StoredBeforeOwners.withNewIds();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).build();
    private final EventUpcasterChain chain =
            new EventUpcasterChain(new UpcastingConfiguration().ownerFromActorUpcasters());

    @Test
    void aLeadStoredBeforeOwnersBelongsToTheUserWhoCreatedIt() {
        LeadCreated created = read(stored.events().get(0));

        assertThat(created.ownerId()).isEqualTo(StoredBeforeOwners.CREATOR);
        assertThat(created.details().topic()).isEqualTo("Fleet telematics for 40 vans");
        assertThat(created.details().leadSource()).isEqualTo(LeadSource.TRADE_SHOW);
        assertThat(created.details().campaign()).isNull();
    }

    @Test
    void theRecordsOfAQualificationStoredBeforeOwnersBelongToTheUserWhoQualified() {
        List<StoredEvent> events = stored.events();
        LeadQualified qualified = read(events.get(1));
        AccountCreated account = read(events.get(2));
        ContactCreated contact = read(events.get(3));
        OpportunityCreated opportunity = read(events.get(4));

        assertThat(qualified.ownerId()).isEqualTo(StoredBeforeOwners.QUALIFIER);
        assertThat(qualified.accountId()).isEqualTo(stored.accountId());
        assertThat(account.ownerId()).isEqualTo(StoredBeforeOwners.QUALIFIER);
        assertThat(account.originatingLeadId()).isEqualTo(stored.leadId());
        assertThat(contact.ownerId()).isEqualTo(StoredBeforeOwners.QUALIFIER);
        assertThat(contact.details().leadSource()).isNull();
        assertThat(opportunity.ownerId()).isEqualTo(StoredBeforeOwners.QUALIFIER);
        assertThat(opportunity.details().leadSource()).isNull();
        assertThat(opportunity.details().campaign()).isNull();
    }

    @Test
    void everyUpcastEventIsLabelledWithTheRevisionItsClassDeclares() {
        for (StoredEvent event : stored.events()) {
            IntermediateEventRepresentation read = upcast(event, event.revision(), event.metaData());
            String declared = classOf(event).getAnnotation(Revision.class).value();
            assertThat(read.getType().getRevision()).as(event.payloadType()).isEqualTo(declared);
        }
    }

    @Test
    void anEventWithoutRevisionIsUpcastToo() {
        StoredEvent created = stored.events().get(0);
        LeadCreated read = serializer.deserialize(upcast(created, null, created.metaData()).getData());

        assertThat(read.ownerId()).isEqualTo(StoredBeforeOwners.CREATOR);
    }

    @Test
    void anEventStoredWithoutActorHasNoOwner() {
        StoredEvent created = stored.events().get(0);
        LeadCreated read = serializer.deserialize(upcast(created, created.revision(), "{}").getData());

        assertThat(read.ownerId()).isNull();
    }

    @Test
    void revisionTwoIsNotTouched() {
        StoredEvent created = stored.events().get(0);
        String payload = created.payload().replaceFirst("\\{", "{\"ownerId\": \"ann\", ");
        StoredEvent current = new StoredEvent(created.aggregateType(), created.aggregateId(), 0, created.payloadType(),
                "2", created.metaData(), payload);
        IntermediateEventRepresentation read = upcast(current, "2", current.metaData());

        assertThat(new String(read.getData(byte[].class).getData(), StandardCharsets.UTF_8)).isEqualTo(payload);
    }

    @Test
    void otherEventTypesAreNotTouched() {
        StoredEvent completed = stored.events().get(5);
        IntermediateEventRepresentation read = upcast(completed, completed.revision(), completed.metaData());

        assertThat(read.getType().getRevision()).isEqualTo("1");
        LeadQualificationCompleted event = serializer.deserialize(read.getData());
        assertThat(event.qualificationId()).isEqualTo(stored.qualificationId());
    }

    private <T> T read(StoredEvent event) {
        return serializer.deserialize(upcast(event, event.revision(), event.metaData()).getData());
    }

    private IntermediateEventRepresentation upcast(StoredEvent event, String revision, String metaData) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(event.aggregateType(),
                event.aggregateId(), event.sequence(), UUID.randomUUID().toString(), "2026-11-02T10:15:30Z",
                event.payloadType(), revision, event.payload().getBytes(StandardCharsets.UTF_8),
                metaData.getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> read =
                chain.upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private static Class<?> classOf(StoredEvent event) {
        try {
            return Class.forName(event.payloadType());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
