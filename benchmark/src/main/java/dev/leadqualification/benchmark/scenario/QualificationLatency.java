package dev.leadqualification.benchmark.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.benchmark.measure.LatencySummary;
import dev.leadqualification.benchmark.measure.Samples;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Scenario 2: single qualifications one after another, each timed twice — until the answer, and until the lead's
 * read model shows the qualification completed (the lead read every {@code --poll-ms}) — first with the system
 * idle, then while a bulk qualification of scenario 1's size runs.
 */
public final class QualificationLatency {

    private QualificationLatency() {
    }

    /** Percentiles of both times; {@code load} is the bulk qualification that ran meanwhile, if any. */
    public record Run(LatencySummary answerMs, LatencySummary completedMs, BulkQualification.Run load) {
    }

    /** With the system idle: one lead at a time, the next once the previous one is complete. */
    public static Run idle(ScenarioContext context, String setName, int samples) {
        LeadSet probes = BulkQualification.prepared(context, setName, samples);
        Samples answers = new Samples();
        Samples completions = new Samples();
        probe(context, probes, answers, completions, () -> true);
        return new Run(answers.summary(), completions.summary(), null);
    }

    /**
     * While a bulk qualification of {@code loadLeads} leads (scenario 1, calls of the batch size) runs: probes as
     * long as it does, up to {@code samples}.
     */
    public static Run underLoad(ScenarioContext context, String probeSetName, int samples, String loadSetName,
                                int loadLeads) {
        LeadSet probes = LeadSet.create(context, probeSetName, samples);
        LeadSet load = BulkQualification.prepared(context, loadSetName, loadLeads);
        Samples answers = new Samples();
        Samples completions = new Samples();
        ExecutorService loader = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<BulkQualification.Run> bulk = CompletableFuture.supplyAsync(() -> BulkQualification.measure(
                    context, load, true, context.options().batch(), context.options().batchClients()), loader);
            probe(context, probes, answers, completions, () -> !bulk.isDone());
            return new Run(answers.summary(), completions.summary(), bulk.join());
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        } finally {
            loader.shutdownNow();
        }
    }

    private static void probe(ScenarioContext context, LeadSet probes, Samples answers, Samples completions,
                              BooleanSupplier goOn) {
        for (UUID leadId : probes.leadIds()) {
            if (!goOn.getAsBoolean()) {
                return;
            }
            long start = System.nanoTime();
            context.commandSide().post("/api/leads/" + leadId + "/qualify", BulkQualification.CREATE_ALL).expect(200);
            answers.add(System.nanoTime() - start);
            awaitCompleted(context, leadId);
            completions.add(System.nanoTime() - start);
        }
    }

    private static void awaitCompleted(ScenarioContext context, UUID leadId) {
        long deadline = context.deadline();
        while (true) {
            JsonNode qualification = context.querySide().get("/api/leads/" + leadId).expect(200).json()
                    .path("qualification");
            if (qualification.path("completed").asBoolean()) {
                return;
            }
            if (qualification.path("failed").asBoolean()) {
                throw new IllegalStateException("The qualification of lead " + leadId + " failed: " + qualification);
            }
            context.checkWaiting(deadline, "lead " + leadId + " to show its qualification completed");
            ScenarioContext.sleep(context.options().pollInterval());
        }
    }
}
