package dev.leadqualification.command.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.command.web.DirectCreation;
import dev.leadqualification.command.web.RequestBodies;
import dev.leadqualification.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * One import request: reads its lines as they arrive, reads each as the body of the direct create (same binding
 * and validation), and imports them batch by batch ({@link ImportBatches}). Three things overlap: the request
 * thread reads batch k+2 while batch k+1 is screened and batch k is written (on threads of the import's own), so
 * parsing, the database reads and the database writes proceed side by side; batches are still written one after
 * the other, in line order.
 * <p>
 * A batch whose screening or writing fails is screened and written once more on its own (a concurrent create may
 * have taken one of its ids: the second screening sees it), and the batch screened meanwhile is screened again;
 * failing again, none of its lines is imported and each is reported so.
 */
final class RecordImport<D> {

    /** The lines read since the last batch was handed over: those that read as creates, and those refused. */
    private record Batch<D>(List<Candidate<D>> candidates, List<LineOutcome> refusedOnReading) {
    }

    /** A batch being written, as its screening planned it. */
    private record InWriting<D>(Batch<D> batch, BatchPlan<D> plan, CompletableFuture<Void> written) {
    }

    private static final Logger log = LoggerFactory.getLogger(RecordImport.class);

    private final ImportedType<D> type;
    private final ImportRun run;
    private final ImportBatches batches;
    private final RequestBodies bodies;
    private final ObjectReader json;
    private final ImportProperties limits;
    private final Executor threads;
    private final ImportReport report;
    /** The ids of the batches written so far (kept by the steps, one at a time, like {@link #report}). */
    private final ImportedIds importedIds = new ImportedIds();
    private Batch<D> reading = new Batch<>(new ArrayList<>(), new ArrayList<>());
    /** The step that screens the last batch handed over and finishes the one before. */
    private CompletableFuture<Void> step = CompletableFuture.completedFuture(null);
    private InWriting<D> inWriting;
    private int received;

    RecordImport(ImportedType<D> type, ImportRun run, ImportBatches batches, RequestBodies bodies, ObjectReader json,
                 ImportProperties limits, Executor threads, ImportReport report) {
        this.type = type;
        this.run = run;
        this.batches = batches;
        this.bodies = bodies;
        this.json = json;
        this.limits = limits;
        this.threads = threads;
        this.report = report;
    }

    ImportReport.Answer importAll(InputStream body) throws IOException {
        long started = System.nanoTime();
        NdjsonLines lines = new NdjsonLines(body, (int) limits.maxLineSize().toBytes());
        try {
            for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                received++;
                read(line);
                if (reading.candidates().size() + reading.refusedOnReading().size() >= limits.batchSize()) {
                    handOver();
                }
            }
        } catch (ApiProblem tooLarge) {
            if (tooLarge.status() != HttpStatus.PAYLOAD_TOO_LARGE) {
                throw afterBatchesInProgress(tooLarge);
            }
            received++;
            reading.refusedOnReading().add(new LineOutcome.Refused(lines.lineNumber(), new ApiProblem(
                    HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "The body is larger than "
                    + limits.maxBodySize().toBytes() + " bytes, the most an import accepts: this line and any after it"
                    + " were not read.")));
        } catch (IOException failure) {
            // the client went away or the body broke off: the lines read since the last batch are not imported
            throw afterBatchesInProgress(failure);
        } catch (RuntimeException failure) {
            throw afterBatchesInProgress(failure);
        }
        handOver();
        awaitStep();
        runStep(this::finishWriting);
        awaitStep();
        ImportReport.Answer answer = report.answer(received);
        log.info("Import of {} lines by {}: {} imported, {} refused, in {} ms", answer.received(), run.actor(),
                answer.imported(), answer.refused(), (System.nanoTime() - started) / 1_000_000);
        return answer;
    }

    /** Waits for the batches in progress (the request must not end before them), then gives back {@code failure}. */
    private <F extends Exception> F afterBatchesInProgress(F failure) {
        try {
            awaitStep();
            if (inWriting != null) {
                inWriting.written().join();
            }
        } catch (RuntimeException writingFailed) {
            if (writingFailed != failure) {
                failure.addSuppressed(writingFailed);
            }
        }
        return failure;
    }

    private void read(NdjsonLines.Line line) {
        if (line.tooLong()) {
            reading.refusedOnReading().add(new LineOutcome.Refused(line.number(), new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE,
                    "payload-too-large", "The line is longer than " + limits.maxLineSize().toBytes()
                    + " bytes, the most one line of an import may have.")));
            return;
        }
        try {
            ObjectNode body = object(line);
            DirectCreation<D> creation = DirectCreation.read(body, type.idField(), type.detailsType(), bodies);
            reading.candidates().add(Candidate.of(line.number(), creation, run));
        } catch (RuntimeException refused) {
            reading.refusedOnReading().add(new LineOutcome.Refused(line.number(), refused));
        }
    }

    /** The line as one JSON object, and nothing after it; else 400 {@code malformed-request}. */
    private ObjectNode object(NdjsonLines.Line line) {
        JsonNode node;
        try {
            node = json.readTree(line.bytes());
        } catch (IOException e) {
            String where = e instanceof JsonProcessingException parsing
                    && parsing.getLocation() != null ? " (column " + parsing.getLocation().getColumnNr() + ")" : "";
            throw malformed("The line is not valid JSON" + where + ".");
        } catch (NumberFormatException outOfRange) {
            // as for request bodies (RequestJsonConverter): Jackson's report of a number no Java type can hold
            throw malformed("A number on the line is out of every range.");
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw malformed("The line is not a JSON object.");
    }

    private static ApiProblem malformed(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-request", detail);
    }

    /** Hands the lines read since the last batch over to the next step, once the step before is done. */
    private void handOver() {
        Batch<D> batch = reading;
        reading = new Batch<>(new ArrayList<>(), new ArrayList<>());
        awaitStep();
        if (!batch.candidates().isEmpty() || !batch.refusedOnReading().isEmpty()) {
            runStep(() -> step(batch));
        }
    }

    private void runStep(Runnable work) {
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        step = CompletableFuture.runAsync(() -> {
            MDC.setContextMap(logContext == null ? Map.of() : logContext);
            try {
                work.run();
            } finally {
                MDC.clear();
            }
        }, threads);
    }

    private void awaitStep() {
        try {
            step.join();
        } catch (CompletionException failed) {
            throw unchecked(failed);
        }
    }

    /**
     * Screens the batch while the one before is written, then reports the one before and starts writing this one.
     * If the one before failed, its second attempt may have changed what this screening assumed of it, so this
     * batch is screened again, on its own.
     */
    private void step(Batch<D> batch) {
        BatchPlan<D> plan = null;
        try {
            plan = batches.screen(type, batch.candidates(), importedIds,
                    inWriting == null ? BatchPlan.none() : inWriting.plan(), run);
        } catch (RuntimeException screeningFailed) {
            log.warn("Screening {} failed ({}); trying once more", lines(batch), screeningFailed.toString());
        }
        boolean writtenAsPlanned = finishWriting();
        if (plan != null && writtenAsPlanned) {
            BatchPlan<D> planned = plan;
            inWriting = new InWriting<>(batch, planned,
                    CompletableFuture.runAsync(() -> batches.write(planned), threads));
        } else {
            report(batch, screenAndWriteAlone(batch));
        }
    }

    /** Waits for the batch in writing and reports it; false if it had to be screened and written again. */
    private boolean finishWriting() {
        if (inWriting == null) {
            return true;
        }
        InWriting<D> finishing = inWriting;
        inWriting = null;
        try {
            finishing.written().join();
            report(finishing.batch(), finishing.plan().outcomes);
            return true;
        } catch (CompletionException failed) {
            log.warn("Writing {} failed ({}); trying once more", lines(finishing.batch()), unchecked(failed).toString());
            report(finishing.batch(), screenAndWriteAlone(finishing.batch()));
            return false;
        }
    }

    /** The second attempt at a batch, nothing else in progress; failing again, none of its lines is imported. */
    private List<LineOutcome> screenAndWriteAlone(Batch<D> batch) {
        try {
            BatchPlan<D> plan = batches.screen(type, batch.candidates(), importedIds, BatchPlan.none(), run);
            batches.write(plan);
            return plan.outcomes;
        } catch (RuntimeException failedAgain) {
            log.error("Importing {} failed again; none of them was imported", lines(batch), failedAgain);
            ApiProblem notStored = new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The batch of "
                    + lines(batch) + " could not be stored (the failure has been logged): none of its lines was"
                    + " imported. Send them again.");
            return batch.candidates().stream()
                    .map(candidate -> (LineOutcome) new LineOutcome.Refused(candidate.line(), notStored)).toList();
        }
    }

    /** Reports all lines of a written batch, in line order, and remembers the ids it imported. */
    private void report(Batch<D> batch, List<LineOutcome> screened) {
        List<LineOutcome> outcomes = new ArrayList<>(batch.refusedOnReading());
        outcomes.addAll(screened);
        outcomes.sort(Comparator.comparingInt(LineOutcome::line));
        for (LineOutcome outcome : outcomes) {
            if (outcome instanceof LineOutcome.Imported imported) {
                importedIds.add(imported.id(), imported.line());
            }
        }
        report.add(outcomes);
    }

    private static String lines(Batch<?> batch) {
        List<? extends Candidate<?>> candidates = batch.candidates();
        return candidates.isEmpty() ? "no lines"
                : "lines " + candidates.get(0).line() + " to " + candidates.get(candidates.size() - 1).line();
    }

    private static RuntimeException unchecked(CompletionException failed) {
        if (failed.getCause() instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failed.getCause() instanceof Error error) {
            throw error;
        }
        return failed;
    }
}
