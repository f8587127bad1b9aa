package dev.leadqualification.query.admin;

import dev.leadqualification.platform.web.ApiProblem;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rebuilds every read model from the event store: each streaming processor that supports a reset is stopped,
 * reset to the start of the store (its projection's {@code @ResetHandler} empties the projection's tables in the
 * same transaction, and its parked events are dropped with them: see {@code query.deadletter}) and started again.
 * The call returns once every processor runs again; the rebuild goes on in the processors' threads and is followed
 * through {@link ProjectionPositions}.
 */
@Component
public class ProjectionReplay {

    public static final String IN_PROGRESS = "replay-in-progress";

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);

    private final ProjectionPositions positions;
    private final AtomicBoolean restarting = new AtomicBoolean();

    public ProjectionReplay(ProjectionPositions positions) {
        this.positions = positions;
    }

    /**
     * Starts a replay of every processor; 409 {@value #IN_PROGRESS} while another request is restarting them
     * or any processor has not finished its replay yet.
     */
    public void replay() {
        if (!restarting.compareAndSet(false, true)) {
            throw inProgress("the processors are being restarted for a replay");
        }
        try {
            if (positions.statuses().stream().anyMatch(ProjectionStatus::replaying)) {
                throw inProgress("the processors have not finished the last replay");
            }
            for (StreamingEventProcessor processor : positions.processors()) {
                if (processor.supportsReset()) {
                    restartFromTheTail(processor);
                } else {
                    log.info("Processor [{}] does not support a reset; left as it is.", processor.getName());
                }
            }
        } finally {
            restarting.set(false);
        }
    }

    /**
     * Axon resets tokens only while the processor is stopped. The processor is started again even if the reset
     * fails: it then carries on from its old tokens, with its read model intact (the reset's transaction, which
     * also holds the reset handler's deletes, is rolled back).
     */
    private static void restartFromTheTail(StreamingEventProcessor processor) {
        log.info("Replaying processor [{}] from the start of the event store.", processor.getName());
        processor.shutDown();
        try {
            processor.resetTokens(source -> source.createTailToken());
        } finally {
            processor.start();
        }
    }

    private static ApiProblem inProgress(String why) {
        return new ApiProblem(HttpStatus.CONFLICT, IN_PROGRESS, "A replay of the projections is in progress: " + why
                + ". Follow it at GET /api/admin/projections and try again once every lag is 0.");
    }
}
