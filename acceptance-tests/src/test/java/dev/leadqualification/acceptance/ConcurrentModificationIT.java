package dev.leadqualification.acceptance;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write that keeps losing the race for its record to another command-side instance, once the command side's
 * retries have run out, is answered 409 {@code concurrent-modification} and writes nothing. Two instances on one
 * database, sending each command once only ({@code LEADS_CONFLICT_ATTEMPTS=1}: no retry), so that the races they
 * lose reach the client.
 */
class ConcurrentModificationIT {

    private static final int THREADS = 16;
    private static final int WRITES_PER_THREAD = 25;

    private static RunningServices services;
    private static Api first;
    private static Api second;
    private static EventStoreTable store;

    @BeforeAll
    static void startTwoCommandSidesThatDoNotRetry() {
        services = RunningServices.prepareOwn("conflicts").withEnvironment("LEADS_CONFLICT_ATTEMPTS", "1");
        services.start();
        first = Api.on(services);
        second = first.viaCommandSide(services.startAnotherCommandSide());
        store = new EventStoreTable(services.database());
    }

    @AfterAll
    static void stopThem() {
        if (store != null) {
            store.close();
        }
        services.close();
    }

    /**
     * Writes to one lead in a tight loop from both instances: each is applied (204 with its version) or refused as
     * 409 {@code concurrent-modification}; never a server error, and the event store holds exactly the applied
     * writes, each at the version its answer gave.
     */
    @Test
    void writesToOneLeadInATightLoopFromBothInstancesAreAppliedOrAnsweredAsConcurrentModification() {
        String leadId = new Sales(first).createLead(Leads.complete());

        List<Write> writes = ConcurrentQualificationsIT.atOnce(THREADS, i -> {
            List<Write> series = new ArrayList<>();
            for (int n = 0; n < WRITES_PER_THREAD; n++) {
                String jobTitle = "Writer " + i + " write " + n;
                series.add(new Write(jobTitle, (i % 2 == 0 ? first : second).as(SAM)
                        .withHeader("Idempotency-Key", keyOf(jobTitle))
                        .patch("/api/leads/" + leadId, object("jobTitle", jobTitle))));
            }
            return series;
        }).stream().flatMap(List::stream).toList();

        Map<String, String> appliedByVersion = new HashMap<>();
        List<Write> refused = new ArrayList<>();
        for (Write write : writes) {
            if (write.reply().status() == 204) {
                appliedByVersion.put(write.reply().header("ETag"), write.jobTitle());
            } else {
                assertProblem(write.reply(), 409, "concurrent-modification");
                assertThat(write.reply().header("Retry-After")).isEqualTo("1");
                refused.add(write);
            }
        }
        assertThat(refused).as("writes that lost the race to the other instance").isNotEmpty();
        List<StoredEvent> events = store.eventsOf(leadId);
        assertThat(events).extracting(StoredEvent::sequence)
                .containsExactlyElementsOf(LongStream.range(0, events.size()).boxed().toList());
        Map<String, String> storedByVersion = events.stream().filter(event -> event.type().equals("LeadUpdated"))
                .collect(Collectors.toMap(event -> "\"" + event.sequence() + "\"",
                        event -> event.payload().path("details").path("jobTitle").asText()));
        assertThat(storedByVersion).as("%d of %d writes were applied", appliedByVersion.size(), writes.size())
                .isEqualTo(appliedByVersion);
        assertThat(events).hasSize(1 + appliedByVersion.size());

        // a conflict is not the command's outcome: sent again with its Idempotency-Key, the write runs (no race now)
        for (Write write : refused) {
            Reply retried = first.as(SAM).withHeader("Idempotency-Key", keyOf(write.jobTitle()))
                    .patch("/api/leads/" + leadId, object("jobTitle", write.jobTitle()));
            assertThat(retried.status()).as("retry of %s", write.jobTitle()).isEqualTo(204);
            assertThat(retried.header("Idempotent-Replayed")).isNull();
        }
        assertThat(store.eventsOf(leadId)).hasSize(1 + appliedByVersion.size() + refused.size());
    }

    private static String keyOf(String jobTitle) {
        return jobTitle.replace(' ', '-');
    }

    /** One write of a tight loop: the job title it set, and its answer. */
    private record Write(String jobTitle, Reply reply) {
    }
}
