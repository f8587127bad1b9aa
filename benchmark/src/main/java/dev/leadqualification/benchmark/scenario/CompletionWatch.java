package dev.leadqualification.benchmark.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.benchmark.data.TestData;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waits, through the query API only, until a qualified set of leads is complete: every lead's read model shows
 * {@code qualification.completed} and every opportunity is in its read model.
 * <p>
 * The leads are read a part of {@link TestData#LEADS_PER_PART} at a time from the lead list narrowed to the part
 * (its search term), so that a read costs what a part holds. Narrowed to the whole set and paged, each read
 * searched, sorted and counted all of it in the database (85 ms of its time for 5,000 leads, pg_stat_statements),
 * and the last sweep through the pages of 10,000 leads took seconds of its own. Leads are qualified roughly in
 * creation order, so the parts are checked last first, and a part is read again, every {@link #POLL}, only until
 * all its leads show completion: the figures are at most that much late. The opportunities have no list: the
 * projections must have passed the event store's head as it was when the last lead showed completion (every
 * opportunity's events are stored before its lead's completion). {@link #verifyOpportunities} then reads each
 * opportunity, after the clock has stopped.
 */
final class CompletionWatch {

    static final Duration POLL = Duration.ofMillis(500);

    private CompletionWatch() {
    }

    /** How a set ended: per lead, the opportunity its qualification named; leads whose qualification failed. */
    record Completion(Map<UUID, UUID> opportunities, List<UUID> failed) {
    }

    /**
     * Returns once the set is complete as described above; throws when the options' timeout passes first, or when
     * {@code stillQualifying} (run before every wait) throws because qualifying the set went wrong.
     */
    static Completion await(ScenarioContext context, LeadSet set, Runnable stillQualifying) {
        long deadline = context.deadline();
        Map<UUID, UUID> opportunities = new ConcurrentHashMap<>();
        List<UUID> failed = new ArrayList<>();
        for (int part = set.partTerms().size() - 1; part >= 0; part--) {
            int expected = set.partSize(part);
            while (true) {
                JsonNode answer = context.querySide().get(set.partList(part)).expect(200).json();
                if (answer.path("total").asInt() != expected) {
                    throw new IllegalStateException("Part " + part + " of the lead list of set " + set.name()
                            + " holds " + answer.path("total").asInt() + " leads instead of " + expected);
                }
                JsonNode items = answer.path("items");
                if (items.size() == expected && allDone(items)) {
                    for (JsonNode lead : items) {
                        JsonNode qualification = lead.path("qualification");
                        UUID leadId = UUID.fromString(lead.path("leadId").asText());
                        if (qualification.path("failed").asBoolean()) {
                            failed.add(leadId);
                        } else {
                            opportunities.put(leadId, UUID.fromString(qualification.path("opportunityId").asText()));
                        }
                    }
                    break;
                }
                stillQualifying.run();
                context.checkWaiting(deadline, "the leads of set " + set.name() + " to show completion");
                ScenarioContext.sleep(POLL);
            }
        }
        Projections.awaitPosition(context, Projections.head(context));
        return new Completion(opportunities, failed);
    }

    /** Reads every opportunity: it must exist, come from its lead and carry the lead's note. Returns how many did. */
    static int verifyOpportunities(ScenarioContext context, Completion completion) {
        List<Map.Entry<UUID, UUID>> entries = List.copyOf(completion.opportunities().entrySet());
        Parallel.forEach(context.options().creationClients(), entries.size(), i -> {
            UUID leadId = entries.get(i).getKey();
            UUID opportunityId = entries.get(i).getValue();
            JsonNode opportunity = context.querySide().get("/api/opportunities/" + opportunityId).expect(200).json();
            if (!leadId.toString().equals(opportunity.path("originatingLeadId").asText())
                    || opportunity.path("notes").size() != 1) {
                throw new IllegalStateException("Opportunity " + opportunityId + " of lead " + leadId
                        + " is not what qualifying the lead makes: " + opportunity);
            }
        });
        return entries.size();
    }

    private static boolean allDone(JsonNode leads) {
        for (JsonNode lead : leads) {
            JsonNode qualification = lead.path("qualification");
            if (!qualification.path("completed").asBoolean() && !qualification.path("failed").asBoolean()) {
                return false;
            }
        }
        return true;
    }
}
