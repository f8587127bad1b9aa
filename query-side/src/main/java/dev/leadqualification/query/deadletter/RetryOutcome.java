package dev.leadqualification.query.deadletter;

/**
 * The answer to a retry: {@code retried} parked events were handled and left the queue, {@code stillFailing} are
 * still parked in the sequences that were tried (an event failed again, so it and the rest of its sequence stay).
 */
public record RetryOutcome(long retried, long stillFailing) {

    static final RetryOutcome NONE = new RetryOutcome(0, 0);

    RetryOutcome plus(RetryOutcome other) {
        return new RetryOutcome(retried + other.retried, stillFailing + other.stillFailing);
    }
}
