package dev.leadqualification.benchmark.publisher;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * RabbitMQ's own rate on this machine for the publisher's kind of messages: a plain Java client loop that publishes
 * persistent messages of a given size to a durable topic exchange of its own, whose durable queue a {@link Subscriber}
 * consumes, in batches that wait for the broker's confirms — as the publisher does, minus everything else it does.
 */
final class ClientBaseline {

    static final String EXCHANGE = "benchmark.baseline";

    /** {@code messages} sent and confirmed in {@code seconds}; all of them consumed after {@code consumedSeconds}. */
    record Run(int messages, int bodyBytes, int batch, double seconds, double messagesPerSecond,
               double consumedSeconds) {
    }

    private ClientBaseline() {
    }

    static Run measure(String virtualHost, int messages, int bodyBytes, int batch, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        byte[] body = new byte[bodyBytes];
        java.util.Arrays.fill(body, (byte) 'x');
        try (Subscriber subscriber = new Subscriber(virtualHost, EXCHANGE, "benchmark.baseline");
             Connection connection = Broker.connect(virtualHost, "benchmark-baseline")) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
            channel.confirmSelect();
            long start = System.nanoTime();
            for (int sent = 0; sent < messages; ) {
                int end = Math.min(messages, sent + batch);
                for (int i = sent; i < end; i++) {
                    AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC.builder()
                            .contentType("application/cloudevents+json").messageId("baseline-" + i)
                            .headers(Map.of("position", (long) i, "sequence", 0L)).build();
                    channel.basicPublish(EXCHANGE, "lead.LeadCreated", properties, body);
                }
                channel.waitForConfirmsOrDie(timeout.toMillis());
                sent = end;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            subscriber.awaitFrom(0, arrived -> arrived.size() >= messages, System.nanoTime() + timeout.toNanos());
            double consumed = (System.nanoTime() - start) / 1e9;
            return new Run(messages, bodyBytes, batch, seconds, messages / seconds, consumed);
        }
    }
}
