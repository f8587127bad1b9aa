package dev.leadqualification.platform.processing;

import org.axonframework.common.AxonThreadFactory;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The thread of a pooled processor's coordinator, on which a coordination round that the coordinator put off can be
 * run at once.
 * <p>
 * The coordinator reads events from the store and queues them for the processor's work packages, up to 1,024 per
 * work package; when a queue is full it tries again only 100 ms later, and nothing brings that round forward. A work
 * package that handles its 1,024 events in less than that then waits for the rest of the 100 ms: in a replay of the
 * query side the work packages' threads waited 38% of the time and its coordinator 61% (async-profiler, wall clock),
 * while a core stayed idle. {@link #runDeferredRounds()}, called as a work package takes a batch off its queue,
 * runs the put-off round then. A round early is harmless: the coordinator also runs one whenever new events arrive.
 */
final class PromptCoordinatorExecutor extends ScheduledThreadPoolExecutor {

    PromptCoordinatorExecutor(String processorName) {
        super(1, new AxonThreadFactory("Coordinator[" + processorName + "]"));
    }

    /**
     * Runs now each round that waits in the queue for its delay. A round taken from the queue is run once: by this, or
     * by the coordinator's thread if it took the round first (the queue's iterator is a snapshot).
     */
    void runDeferredRounds() {
        for (Runnable round : getQueue()) {
            if (remove(round)) {
                try {
                    execute(round);
                } catch (RejectedExecutionException stopping) {
                    // the processor is shutting down: no round is due any more
                }
            }
        }
    }
}
