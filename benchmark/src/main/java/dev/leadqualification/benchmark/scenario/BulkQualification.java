package dev.leadqualification.benchmark.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.benchmark.measure.LatencySummary;
import dev.leadqualification.benchmark.measure.Samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scenario 1: a set of leads qualified end to end, creating account, contact and opportunity for each. Throughput
 * is leads per second from the first call until every opportunity exists and every lead's read model shows its
 * qualification completed ({@link CompletionWatch}); the calls' answer times are reported beside it.
 */
public final class BulkQualification {

    /** The qualify options every call sends: all three records, whatever the organisation's default. */
    static final Map<String, Object> CREATE_ALL = Map.of(
            "createAccount", true, "createContact", true, "createOpportunity", true);

    private BulkQualification() {
    }

    /**
     * @param variant          {@code batch} (calls of {@code leadsPerCall} to {@code POST /api/leads/qualify}) or
     *                         {@code clients} (one lead per {@code POST /api/leads/{id}/qualify})
     * @param clients          calls sent at the same time
     * @param answerMs         answer time per call
     * @param answeredSeconds  from the first call until the last answer
     * @param completedSeconds from the first call until the set was complete
     */
    public record Run(String variant, int leads, int leadsPerCall, int clients, double leadCreationPerSecond,
                      LatencySummary answerMs, double answeredSeconds, double completedSeconds,
                      double leadsPerSecond, int completed, int failed, int opportunitiesVerified) {
    }

    /** Creates {@code leads} leads (not timed), then qualifies them in calls of the options' batch size. */
    public static Run inBatches(ScenarioContext context, String setName, int leads) {
        LeadSet set = prepared(context, setName, leads);
        return measure(context, set, true, context.options().batch(), context.options().batchClients());
    }

    /** Creates {@code leads} leads (not timed), then qualifies them one per call from the options' clients. */
    public static Run onePerCall(ScenarioContext context, String setName, int leads) {
        LeadSet set = prepared(context, setName, leads);
        return measure(context, set, false, 1, context.options().clients());
    }

    /** A new set, with the system idle again afterwards: nothing of the preparation is left to slow the measurement. */
    static LeadSet prepared(ScenarioContext context, String setName, int leads) {
        LeadSet set = LeadSet.create(context, setName, leads);
        Projections.awaitCaughtUp(context);
        return set;
    }

    /** Qualifies the set through the bulk endpoint in calls of {@code leadsPerCall}, else one call per lead. */
    static Run measure(ScenarioContext context, LeadSet set, boolean bulkEndpoint, int leadsPerCall, int clients) {
        List<List<UUID>> calls = new ArrayList<>();
        for (int from = 0; from < set.size(); from += leadsPerCall) {
            calls.add(set.leadIds().subList(from, Math.min(set.size(), from + leadsPerCall)));
        }
        Samples answers = new Samples();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        long start = System.nanoTime();
        try {
            CompletableFuture<Long> answered = CompletableFuture.supplyAsync(() -> {
                Parallel.forEach(clients, calls.size(), i -> {
                    long sent = System.nanoTime();
                    qualify(context, calls.get(i), bulkEndpoint);
                    answers.add(System.nanoTime() - sent);
                });
                return System.nanoTime();
            }, caller);
            CompletionWatch.Completion completion = CompletionWatch.await(context, set, () -> {
                if (answered.isCompletedExceptionally()) {
                    answered.join();
                }
            });
            long completed = System.nanoTime();
            long lastAnswer = answered.join();
            int verified = CompletionWatch.verifyOpportunities(context, completion);
            double seconds = (completed - start) / 1e9;
            return new Run(bulkEndpoint ? "batch" : "clients", set.size(), leadsPerCall, clients, set.creationPerSecond(), answers.summary(),
                    (lastAnswer - start) / 1e9, seconds, set.size() / seconds, completion.opportunities().size(),
                    completion.failed().size(), verified);
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        } finally {
            caller.shutdownNow();
        }
    }

    /** One call: to the bulk endpoint, else one call per lead to the single one; every lead must be QUALIFIED. */
    static void qualify(ScenarioContext context, List<UUID> leadIds, boolean bulkEndpoint) {
        if (!bulkEndpoint) {
            for (UUID leadId : leadIds) {
                context.commandSide().post("/api/leads/" + leadId + "/qualify", CREATE_ALL).expect(200);
            }
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>(CREATE_ALL);
        body.put("leadIds", leadIds.stream().map(UUID::toString).toList());
        for (JsonNode result : context.commandSide().post("/api/leads/qualify", body).expect(200).json().path("results")) {
            if (!"QUALIFIED".equals(result.path("outcome").asText())) {
                throw new IllegalStateException("Lead " + result.path("leadId").asText() + " was not qualified: " + result);
            }
        }
    }
}
