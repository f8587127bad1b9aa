package dev.leadqualification.query.publishing;

/**
 * The broker did not take a batch: no connection, a refused (nacked) message or no confirm in time. The batch's
 * transaction rolls back with its token, and the processor sends the batch again later.
 */
class PublishingFailed extends RuntimeException {

    PublishingFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
