package dev.leadqualification.benchmark.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.benchmark.data.TestData;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A set of open leads with one note each, created for one measurement and found again on the query side by the
 * set's search term, or a part of it ({@link TestData#LEADS_PER_PART} leads) by the part's. Creating them is
 * preparation, not measured; {@code creationPerSecond} is reported beside the measurement all the same (two
 * commands per lead).
 */
public record LeadSet(String name, String searchTerm, List<String> partTerms, List<UUID> leadIds,
                      double creationPerSecond) {

    /** Creates {@code count} leads and their notes with the options' number of clients; returns once the lead list shows them all. */
    public static LeadSet create(ScenarioContext context, String name, int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ids.add(context.data().leadId(name, n));
        }
        List<String> partTerms = new ArrayList<>();
        for (int part = 0; part * TestData.LEADS_PER_PART < count; part++) {
            partTerms.add(context.data().partTerm(name, part));
        }
        long start = System.nanoTime();
        Parallel.forEach(context.options().creationClients(), count, n -> {
            context.commandSide().post("/api/leads", context.data().lead(name, n)).expect(201);
            context.commandSide().post("/api/leads/" + ids.get(n) + "/notes", context.data().note(n)).expect(201);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        LeadSet set = new LeadSet(name, context.data().searchTerm(name), List.copyOf(partTerms), List.copyOf(ids),
                count / seconds);
        set.awaitListed(context);
        return set;
    }

    public int size() {
        return leadIds.size();
    }

    /** How many leads part {@code part} holds (the last part may hold fewer). */
    int partSize(int part) {
        return Math.min(TestData.LEADS_PER_PART, size() - part * TestData.LEADS_PER_PART);
    }

    /** The query side's lead list narrowed to part {@code part}: all of it on one page. */
    String partList(int part) {
        return "/api/leads?q=" + partTerms.get(part) + "&page=0&size=" + TestData.LEADS_PER_PART;
    }

    /** Waits until the query side's lead list shows every lead of the set. */
    private void awaitListed(ScenarioContext context) {
        long deadline = context.deadline();
        while (true) {
            JsonNode page = context.querySide().get("/api/leads?q=" + searchTerm + "&page=0&size=1").expect(200).json();
            long total = page.path("total").asLong();
            if (total == size()) {
                return;
            }
            if (total > size()) {
                throw new IllegalStateException("The search term " + searchTerm + " finds " + total + " leads, "
                        + "more than the " + size() + " of set " + name);
            }
            context.checkWaiting(deadline, "the lead list to show the " + size() + " leads of set " + name);
            ScenarioContext.sleep(Duration.ofMillis(100));
        }
    }
}
