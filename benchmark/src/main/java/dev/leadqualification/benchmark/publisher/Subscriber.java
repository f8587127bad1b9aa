package dev.leadqualification.benchmark.publisher;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A subscriber as API.md describes one: a durable queue of its own bound to a topic exchange with {@code #}, consumed
 * with acknowledgements; every arrival is recorded with its time (wall clock, to compare with an event's time).
 */
final class Subscriber implements AutoCloseable {

    /** One message as it arrived. */
    record Arrival(Instant at, long nanos, String messageId, Long position, byte[] body) {
    }

    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private final List<Arrival> arrivals = new ArrayList<>();

    Subscriber(String virtualHost, String exchange, String queue) {
        this.connection = Broker.connect(virtualHost, "benchmark-subscriber-" + queue);
        this.queue = queue;
        try {
            channel = connection.createChannel();
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, exchange, "#");
            channel.basicQos(1_000);
            channel.basicConsume(queue, false, (tag, delivery) -> {
                Object position = delivery.getProperties().getHeaders() == null ? null
                        : delivery.getProperties().getHeaders().get("position");
                add(new Arrival(Instant.now(), System.nanoTime(), delivery.getProperties().getMessageId(),
                        position instanceof Number number ? number.longValue() : null, delivery.getBody()));
                channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            }, tag -> { });
        } catch (IOException e) {
            throw new IllegalStateException("Could not subscribe with queue " + queue + ": " + e, e);
        }
    }

    private synchronized void add(Arrival arrival) {
        arrivals.add(arrival);
        notifyAll();
    }

    synchronized int count() {
        return arrivals.size();
    }

    /** The arrivals from index {@code from} on, once one of them matches (waiting at most until {@code deadline}). */
    synchronized List<Arrival> awaitFrom(int from, Predicate<List<Arrival>> done, long deadlineNanos)
            throws InterruptedException {
        while (true) {
            List<Arrival> since = List.copyOf(arrivals.subList(from, arrivals.size()));
            if (done.test(since)) {
                return since;
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("The subscriber of " + queue + " did not receive what it awaited in time ("
                        + since.size() + " messages)");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized List<Arrival> since(int from) {
        return new ArrayList<>(arrivals.subList(from, arrivals.size()));
    }

    @Override
    public void close() {
        try {
            channel.queueDelete(queue);
            connection.close();
        } catch (IOException | RuntimeException ignored) {
            // the virtual host goes at exit in any case
        }
    }
}
