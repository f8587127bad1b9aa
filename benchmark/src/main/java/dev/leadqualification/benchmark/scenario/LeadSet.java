package dev.leadqualification.benchmark.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A set of open leads with one note each, created for one measurement and found again on the query side by the
 * set's search term. Creating them is preparation, not measured; {@code creationPerSecond} is reported
 * beside the measurement all the same (two commands per lead).
 */
public record LeadSet(String name, String searchTerm, List<UUID> leadIds, double creationPerSecond) {

    /** Creates {@code count} leads and their notes with the options' number of clients; returns once the lead list shows them all. */
    public static LeadSet create(ScenarioContext context, String name, int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ids.add(context.data().leadId(name, n));
        }
        long start = System.nanoTime();
        Parallel.forEach(context.options().creationClients(), count, n -> {
            context.commandSide().post("/api/leads", context.data().lead(name, n)).expect(201);
            context.commandSide().post("/api/leads/" + ids.get(n) + "/notes", context.data().note(n)).expect(201);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        LeadSet set = new LeadSet(name, context.data().searchTerm(name), List.copyOf(ids), count / seconds);
        set.awaitListed(context);
        return set;
    }

    public int size() {
        return leadIds.size();
    }

    /** The path of page {@code page} (of {@code size}) of this set in the query side's lead list, newest first. */
    String listPage(int page, int size) {
        return "/api/leads?q=" + searchTerm + "&page=" + page + "&size=" + size;
    }

    /** Waits until the query side's lead list shows every lead of the set, so that its pages stay as they are. */
    private void awaitListed(ScenarioContext context) {
        long deadline = context.deadline();
        while (true) {
            JsonNode page = context.querySide().get(listPage(0, 1)).expect(200).json();
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
