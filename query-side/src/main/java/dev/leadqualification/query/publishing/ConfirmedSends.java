package dev.leadqualification.query.publishing;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a batch of messages to the exchange and returns only once the broker has confirmed every one of them
 * (correlated publisher confirms); otherwise it throws {@link PublishingFailed}, and the batch is sent again later.
 * <p>
 * A batch goes out on one channel ({@link RabbitTemplate#invoke}): the broker keeps the order of one channel's
 * messages, whereas consecutive sends through the template's channel cache may take different channels when the
 * processor's threads publish at once. The next batch of a segment is sent only after this one is confirmed, so an
 * aggregate's events reach the exchange in their order.
 */
class ConfirmedSends {

    /** One message, its id (the event's) and routing key. */
    record Outgoing(String id, String routingKey, Message message) {
    }

    private final RabbitTemplate rabbit;
    private final Duration confirmTimeout;
    private final PublishingErrors errors;

    ConfirmedSends(RabbitTemplate rabbit, Duration confirmTimeout, PublishingErrors errors) {
        this.rabbit = rabbit;
        this.confirmTimeout = confirmTimeout;
        this.errors = errors;
    }

    void send(List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return;
        }
        try {
            rabbit.invoke(channel -> {
                List<CorrelationData> confirms = new ArrayList<>(messages.size());
                for (Outgoing outgoing : messages) {
                    CorrelationData confirm = new CorrelationData(outgoing.id());
                    channel.send(EventPublisher.EXCHANGE, outgoing.routingKey(), outgoing.message(), confirm);
                    confirms.add(confirm);
                }
                awaitConfirms(confirms);
                return null;
            });
        } catch (RuntimeException failure) {
            PublishingFailed failed = failure instanceof PublishingFailed known ? known
                    : new PublishingFailed("Sending " + messages.size() + " events to the broker failed: " + failure, failure);
            errors.failed(failed);
            throw failed;
        }
        errors.cleared();
    }

    private void awaitConfirms(List<CorrelationData> confirms) {
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        for (CorrelationData sent : confirms) {
            CorrelationData.Confirm confirm;
            try {
                confirm = sent.getFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new PublishingFailed("The broker did not confirm event " + sent.getId() + " within "
                        + confirmTimeout.toMillis() + " ms", e);
            } catch (ExecutionException e) {
                throw new PublishingFailed("Waiting for the broker's confirm of event " + sent.getId() + " failed: "
                        + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishingFailed("Interrupted while waiting for the broker's confirms", e);
            }
            if (!confirm.isAck()) {
                throw new PublishingFailed("The broker refused event " + sent.getId() + ": " + confirm.getReason(), null);
            }
        }
    }
}
