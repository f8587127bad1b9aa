package dev.leadqualification.query.publishing;

/**
 * An event that cannot be written as a CloudEvent: retrying will not change that, so it is parked (the dead-letter
 * queue keeps this message as its cause) and the publisher goes on with the other aggregates.
 */
class UnpublishableEvent extends RuntimeException {

    UnpublishableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
