package dev.leadqualification.platform.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A test's own queue on a {@link FreshVirtualHost}, bound to a topic exchange (declared durable if missing, as the
 * publisher declares it), collecting every message that arrives, in arrival order, acknowledged on receipt.
 */
public final class BoundQueue implements AutoCloseable {

    /** One delivery as it arrived. */
    public record Received(String routingKey, AMQP.BasicProperties properties, byte[] body, boolean redelivered) {

        public String messageId() {
            return properties.getMessageId();
        }

        public long header(String name) {
            return ((Number) properties.getHeaders().get(name)).longValue();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Connection connection;
    private final List<Received> received = new ArrayList<>();

    private BoundQueue(Connection connection) {
        this.connection = connection;
    }

    /** A new exclusive queue bound to {@code exchange} with {@code bindingKey} ({@code #} for everything). */
    public static BoundQueue on(FreshVirtualHost virtualHost, String exchange, String bindingKey) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(FreshVirtualHost.HOST);
        factory.setPort(FreshVirtualHost.PORT);
        factory.setUsername(FreshVirtualHost.USER);
        factory.setPassword(FreshVirtualHost.PASSWORD);
        factory.setVirtualHost(virtualHost.name());
        try {
            BoundQueue queue = new BoundQueue(factory.newConnection("test-queue"));
            Channel channel = queue.connection.createChannel();
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
            String name = channel.queueDeclare().getQueue();
            channel.queueBind(name, exchange, bindingKey);
            channel.basicConsume(name, true, (tag, delivery) -> queue.add(new Received(
                    delivery.getEnvelope().getRoutingKey(), delivery.getProperties(), delivery.getBody(),
                    delivery.getEnvelope().isRedeliver())), tag -> { });
            return queue;
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("Could not bind a queue on " + virtualHost.name() + ": " + e, e);
        }
    }

    private synchronized void add(Received message) {
        received.add(message);
    }

    /** What has arrived so far, in arrival order. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The messages that arrived, once {@code complete} holds for them (checked every 50 ms up to {@code atMost}). */
    public List<Received> await(Predicate<List<Received>> complete, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            List<Received> now = received();
            if (complete.test(now)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("After " + atMost + ", the " + now.size()
                        + " messages received do not yet hold what was awaited");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException | RuntimeException ignored) {
            // the exclusive queue goes with the connection in any case
        }
    }
}
