package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.EventStoreTable;
import dev.leadqualification.acceptance.support.EventStoreTable.StoredEvent;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests about one lead that arrive at the same moment, spread over two command-side instances on one
 * database (so they really meet at the event store, not only at one process's aggregate lock): one qualify
 * wins and the others are told the lead is closed, one set of records is created; changes that conflict are
 * retried until each is applied in turn; none is answered with a server error ({@link ConcurrentModificationIT}: when
 * they keep losing, 409 {@code concurrent-modification}).
 */
class ConcurrentQualificationsIT {

    private static final int THREADS = 16;

    private static RunningServices services;
    private static Api first;
    private static Api second;
    private static Sales sales;
    private static EventStoreTable store;

    @BeforeAll
    static void startTwoCommandSides() {
        services = RunningServices.startOwn("races");
        first = Api.on(services);
        second = first.viaCommandSide(services.startAnotherCommandSide());
        sales = new Sales(first);
        store = new EventStoreTable(services.database());
    }

    @AfterAll
    static void stopServices() {
        store.close();
        services.close();
    }

    @Test
    void sixteenQualifiesOfOneLeadAtOnceQualifyItOnceAndCreateOneSetOfRecords() {
        String leadId = sales.createLead(Leads.complete());

        List<Reply> replies = atOnce(THREADS, i -> api(i).as(SAM).post("/api/leads/" + leadId + "/qualify",
                Leads.allRecords()));

        List<Reply> qualified = replies.stream().filter(reply -> reply.status() == 200).toList();
        assertThat(qualified).as("%s", replies).hasSize(1);
        replies.stream().filter(reply -> reply.status() != 200)
                .forEach(refused -> assertProblem(refused, 409, "lead-closed"));
        JsonNode result = qualified.get(0).json();
        first.awaitLead(leadId, Leads.qualificationCompleted());
        assertThat(store.eventsWhere("LeadQualified", "leadId", leadId)).hasSize(1);
        assertThat(store.eventsWhere("AccountCreated", "originatingLeadId", leadId))
                .extracting(StoredEvent::aggregateId).containsExactly(result.path("accountId").asText());
        assertThat(store.eventsWhere("ContactCreated", "originatingLeadId", leadId))
                .extracting(StoredEvent::aggregateId).containsExactly(result.path("contactId").asText());
        assertThat(store.eventsWhere("OpportunityCreated", "originatingLeadId", leadId))
                .extracting(StoredEvent::aggregateId).containsExactly(result.path("opportunityId").asText());
        assertThat(first.awaitRecord("/api/opportunities/" + result.path("opportunityId").asText())
                .path("originatingLeadId").asText()).isEqualTo(leadId);
    }

    @Test
    void changesToOneLeadFromSixteenThreadsAreAllAppliedOneAfterAnother() {
        String leadId = sales.createLead(Leads.complete());

        List<Reply> replies = atOnce(THREADS, i -> List.of(
                api(i).as(SAM).patch("/api/leads/" + leadId, object("description", "Change " + i)),
                api(i + 1).as(SAM).post("/api/leads/" + leadId + "/notes", object("title", "Call " + i)),
                api(i).as(SAM).put("/api/leads/" + leadId + "/qualification-details",
                        Leads.qualificationDetails().put("qualificationComments", "Finding " + i))))
                .stream().flatMap(List::stream).toList();

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as("%s", reply).isIn(201, 204));
        List<StoredEvent> events = store.eventsOf(leadId);
        assertThat(events).extracting(StoredEvent::sequence)
                .containsExactlyElementsOf(LongStream.range(0, events.size()).boxed().toList());
        assertThat(events.stream().map(StoredEvent::type).collect(Collectors.groupingBy(type -> type,
                Collectors.counting())))
                .containsEntry("LeadUpdated", (long) THREADS)
                .containsEntry("NoteAdded", (long) THREADS)
                .containsEntry("QualificationDetailsUpdated", (long) THREADS);
        Set<String> versions = replies.stream().map(reply -> reply.header("ETag")).collect(Collectors.toSet());
        assertThat(versions).as("each change got its own version").hasSize(replies.size());
        long lastSequence = events.get(events.size() - 1).sequence();
        assertThat(first.awaitLead(leadId, lead -> lead.path("version").asLong() == lastSequence)
                .path("version").asLong())
                .as("the lead's version: its events counted from 0").isEqualTo(events.size() - 1L);
    }

    @Test
    void aQualifyAmongNotesAddedAtOnceCarriesExactlyTheNotesAddedBeforeIt() {
        String leadId = sales.createLead(Leads.complete());

        List<Reply> replies = atOnce(THREADS, i -> i == THREADS / 2
                ? api(i).as(SAM).post("/api/leads/" + leadId + "/qualify", Leads.allRecords())
                : api(i).as(SAM).post("/api/leads/" + leadId + "/notes", object("text", "Note " + i)));

        Reply qualify = replies.get(THREADS / 2);
        assertThat(qualify.status()).as("%s", qualify).isEqualTo(200);
        List<String> notesAdded = new ArrayList<>();
        for (Reply reply : replies) {
            if (reply != qualify && reply.status() == 201) {
                notesAdded.add(reply.json().path("noteId").asText());
            } else if (reply != qualify) {
                assertProblem(reply, 409, "lead-closed");
            }
        }
        first.awaitLead(leadId, Leads.qualificationCompleted());
        JsonNode opportunity = first.awaitRecord("/api/opportunities/" + qualify.json().path("opportunityId").asText(),
                record -> record.path("notes").size() == notesAdded.size());
        assertThat(opportunity.path("notes").findValuesAsText("noteId")).containsExactlyInAnyOrderElementsOf(notesAdded);
    }

    /** Half the requests go to each command-side instance. */
    private static Api api(int request) {
        return request % 2 == 0 ? first : second;
    }

    /** Runs {@code count} requests (or series of them) on as many threads, released together; answers in order. */
    static <T> List<T> atOnce(int count, IntFunction<T> request) {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> replies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                replies.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> reply : replies) {
                answers.add(reply.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the requests ran", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A request failed to be sent", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }
}
