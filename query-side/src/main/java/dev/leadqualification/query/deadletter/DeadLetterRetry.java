package dev.leadqualification.query.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Retries parked events once the cause has been repaired: each parked sequence of a group is handed to Axon's
 * dead-letter processor once, which runs its events in order through the group's handlers, in one transaction per
 * sequence. An event that succeeds leaves the queue; at the first one that fails again, it (with its new cause) and
 * the rest of its sequence stay parked. An event of the aggregate that arrives meanwhile joins the end of the
 * sequence; if the sequence has just been emptied it may stay parked alone (retry again).
 */
@Component
public class DeadLetterRetry {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetry.class);

    private final DeadLetterQueues queues;
    private final DeadLetters deadLetters;

    public DeadLetterRetry(DeadLetterQueues queues, DeadLetters deadLetters) {
        this.queues = queues;
        this.deadLetters = deadLetters;
    }

    /** Retries the parked events of every group. */
    public RetryOutcome retryAll() {
        return queues.groups().stream().map(this::retry).reduce(RetryOutcome.NONE, RetryOutcome::plus);
    }

    /** Retries the group's parked events; 404 {@code not-found} for a group without a dead-letter queue. */
    public RetryOutcome retry(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queues.queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = queues.processor(group);
        RetryOutcome outcome = RetryOutcome.NONE;
        for (DeadLetters.ParkedSequence sequence : deadLetters.sequences(group)) {
            // Axon offers the first event of each sequence it may claim; this one is taken by its first event's id.
            processor.process(first -> sequence.firstEventIdentifier().equals(first.message().getIdentifier()));
            long stillParked = queue.sequenceSize(sequence.sequenceIdentifier());
            outcome = outcome.plus(new RetryOutcome(Math.max(0, sequence.letters() - stillParked), stillParked));
        }
        log.info("Retried the dead letters of {}: {}", group, outcome);
        return outcome;
    }
}
