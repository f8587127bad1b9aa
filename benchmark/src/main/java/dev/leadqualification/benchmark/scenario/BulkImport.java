package dev.leadqualification.benchmark.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.benchmark.data.NdjsonBody;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Scenario 3's preload: accounts or contacts through {@code POST /api/import/accounts|contacts} (ADMIN), as
 * newline-delimited JSON generated while it is sent, in calls of the options' import batch size. Every record
 * must be imported (the data is unique under the default rules): a refused line fails the run.
 */
public final class BulkImport {

    private BulkImport() {
    }

    /** {@code entity} is {@code accounts} or {@code contacts}. */
    public record Run(String entity, long records, long imported, int calls, int clients, double seconds,
                      double recordsPerSecond) {
    }

    /**
     * The imports of a preload, and how fast the query side showed them: the events they wrote ÷ seconds from
     * the start of the first import until every projection had them.
     */
    public record Preload(List<Run> imports, long events, double projectedEventsPerSecond) {
    }

    /** Imports {@code accounts} accounts, then {@code contacts} contacts, then waits for the projections. */
    public static Preload preload(ScenarioContext context, String setName, long accounts, long contacts) {
        long start = System.nanoTime();
        long headBefore = Projections.head(context);
        List<Run> imports = List.of(
                load(context, "accounts", accounts, n -> context.data().account(setName, n)),
                load(context, "contacts", contacts, n -> context.data().contact(setName, n)));
        Projections.awaitCaughtUp(context);
        long events = Projections.head(context) - headBefore;
        return new Preload(imports, events, events / ((System.nanoTime() - start) / 1e9));
    }

    private static Run load(ScenarioContext context, String entity, long records, LongFunction<Object> line) {
        int batch = context.options().importBatch();
        int calls = (int) ((records + batch - 1) / batch);
        AtomicLong imported = new AtomicLong();
        long start = System.nanoTime();
        Parallel.forEach(context.options().importClients(), calls, call -> {
            long from = (long) call * batch;
            long to = Math.min(records, from + batch);
            JsonNode report = context.commandSideAsAdmin().post("/api/import/" + entity, "application/x-ndjson",
                    () -> new NdjsonBody(from, to, line)).expect(200).json();
            long received = report.path("received").asLong();
            long refused = report.path("refused").asLong();
            if (received != to - from || refused != 0 || report.path("imported").asLong() != received) {
                throw new IllegalStateException("Importing " + entity + " " + from + " to " + to + " did not import "
                        + "every line: received " + received + ", imported " + report.path("imported").asLong()
                        + ", refused " + refused + "; first errors: " + report.path("errors").path(0));
            }
            imported.addAndGet(received);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(entity, records, imported.get(), calls, context.options().importClients(), seconds,
                records / seconds);
    }
}
