package dev.leadqualification.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.command.conflicts.LostWriteRetry;
import dev.leadqualification.kernel.lead.CreateLead;
import dev.leadqualification.kernel.lead.DisqualificationReason;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDisqualified;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.kernel.lead.UpdateLead;
import dev.leadqualification.platform.testing.FreshDatabase;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a second command-side instance on the same database does to this one, for real: between loading a record
 * and committing a command's events, another transaction commits an event of that record at the same sequence
 * number. The event store's unique key refuses the loser's write; the command is sent again on the fresh state,
 * or answered 409 {@code concurrent-modification} if it keeps losing, never 500, and never half-written.
 */
@SpringBootTest(properties = {
        "leads.security.users[0].username=sam",
        "leads.security.users[0].password={noop}sam-secret",
        "leads.security.users[0].roles=SALES"})
@AutoConfigureMockMvc
class ConflictingWritesTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create("conflicts");
    private static final String SAM = "Basic " + Base64.getEncoder()
            .encodeToString("sam:sam-secret".getBytes(StandardCharsets.UTF_8));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.useAsDataSource(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    CommandBus commandBus;
    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectMapper objectMapper;

    private Registration interloper;
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stopInterfering() {
        if (interloper != null) {
            interloper.cancel();
        }
    }

    @Test
    void aChangeThatLostTheRaceIsSentAgainAndStoredAfterTheWinner() throws Exception {
        String leadId = createLead();
        interfere(UpdateLead.class, 1, command -> note(leadId));

        MvcResult answer = send(patch("/api/leads/" + leadId), Map.of("jobTitle", "CTO"));

        assertThat(answer.getResponse().getStatus()).isEqualTo(204);
        assertThat(answer.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"2\"");
        assertThat(attempts).hasValue(2);
        assertThat(eventTypes(leadId)).containsExactly("LeadCreated", "NoteAdded", "LeadUpdated");
    }

    @Test
    void aChangeThatKeepsLosingIsAConflictAndWritesNothing() throws Exception {
        String leadId = createLead();
        interfere(UpdateLead.class, Integer.MAX_VALUE, command -> note(leadId));

        MvcResult answer = send(patch("/api/leads/" + leadId), Map.of("jobTitle", "CTO"));

        assertThat(answer.getResponse().getStatus()).isEqualTo(409);
        assertThat(answer.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(objectMapper.readTree(answer.getResponse().getContentAsString()).path("type").asText())
                .endsWith("/concurrent-modification");
        assertThat(attempts).hasValue(LostWriteRetry.ATTEMPTS);
        assertThat(eventTypes(leadId)).doesNotContain("LeadUpdated").hasSize(1 + LostWriteRetry.ATTEMPTS);
    }

    /**
     * This instance keeps the leads it used last in memory; the one it holds here is stale, so it is loaded anew and
     * the first attempt decides on the lead as stored.
     */
    @Test
    void aLeadChangedElsewhereSinceThisInstanceLastUsedItIsChangedAsStored() throws Exception {
        String leadId = createLead();
        commitElsewhere(note(leadId));
        interfere(UpdateLead.class, 0, command -> null);

        MvcResult answer = send(patch("/api/leads/" + leadId), Map.of("jobTitle", "CTO"));

        assertThat(answer.getResponse().getStatus()).isEqualTo(204);
        assertThat(answer.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"2\"");
        assertThat(attempts).as("decided once, on the lead as stored").hasValue(1);
        assertThat(eventTypes(leadId)).containsExactly("LeadCreated", "NoteAdded", "LeadUpdated");
    }

    /**
     * A command that applies no event on the stale copy would never meet the event store's unique key: reactivating
     * a lead that this instance holds as open, but another instance has disqualified since, reactivates it.
     */
    @Test
    void aRefusalIsDecidedOnTheLeadAsStoredNotOnTheCopyThisInstanceHolds() throws Exception {
        String leadId = createLead();
        commitElsewhere(new LeadDisqualified(leadId, DisqualificationReason.LOST, null));

        MvcResult answer = send(post("/api/leads/" + leadId + "/reactivate"), Map.of());

        assertThat(answer.getResponse().getStatus()).as(answer.getResponse().getContentAsString()).isEqualTo(204);
        assertThat(eventTypes(leadId)).containsExactly("LeadCreated", "LeadDisqualified", "LeadReactivated");
    }

    @Test
    void aCreateThatLostTheRaceForItsIdToTheSameCreateIsAnsweredAsTheFirst() throws Exception {
        String leadId = UUID.randomUUID().toString();
        interfere(CreateLead.class, 1, command -> new LeadCreated(leadId, ((CreateLead) command).details(), "sam"));

        MvcResult answer = send(post("/api/leads"), Map.of("leadId", leadId, "topic", "Chairs", "lastName", "Lopez"));

        assertThat(answer.getResponse().getStatus()).isEqualTo(201);
        assertThat(attempts).hasValue(2);
        assertThat(eventTypes(leadId)).containsExactly("LeadCreated");
    }

    /**
     * For the next {@code times} commands of {@code type}: once the command has loaded its record and applied its
     * events, another transaction commits {@code winnersEvent} as the record's next event.
     */
    private void interfere(Class<?> type, int times, Function<Object, Object> winnersEvent) {
        AtomicInteger left = new AtomicInteger(times);
        interloper = commandBus.registerHandlerInterceptor(
                (MessageHandlerInterceptor<CommandMessage<?>>) (unitOfWork, chain) -> {
                    Object result = chain.proceed();
                    Object command = unitOfWork.getMessage().getPayload();
                    if (type.isInstance(command)) {
                        attempts.incrementAndGet();
                        if (left.getAndDecrement() > 0) {
                            commitElsewhere(winnersEvent.apply(command));
                        }
                    }
                    return result;
                });
    }

    private void commitElsewhere(Object event) {
        String leadId = event instanceof NoteAdded note ? note.leadId()
                : event instanceof LeadDisqualified disqualified ? disqualified.leadId()
                : ((LeadCreated) event).leadId();
        CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            long next = eventStore.lastSequenceNumberFor(leadId).map(last -> last + 1).orElse(0L);
            eventStore.publish(new GenericDomainEventMessage<>("Lead", leadId, next, event));
        })).join();
    }

    private static NoteAdded note(String leadId) {
        return new NoteAdded(leadId, UUID.randomUUID().toString(), "From the other instance", null, null);
    }

    private String createLead() throws Exception {
        MvcResult created = send(post("/api/leads"), Map.of("topic", "Chairs", "lastName", "Lopez"));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        return objectMapper.readTree(created.getResponse().getContentAsString()).path("leadId").asText();
    }

    private MvcResult send(MockHttpServletRequestBuilder request, Map<String, String> body) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, SAM).contentType(MediaType.APPLICATION_JSON)
                .content(objectMapper.writeValueAsBytes(body))).andReturn();
    }

    private List<String> eventTypes(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayloadType)
                .map(Class::getSimpleName).toList();
    }
}
