package dev.leadqualification.benchmark.publisher;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.leadqualification.localruntime.LocalRabbitMq;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** Connections to the benchmark's virtual host on the local broker ({@link LocalRabbitMq}). */
final class Broker {

    private Broker() {
    }

    static Connection connect(String virtualHost, String name) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(LocalRabbitMq.HOST);
        factory.setPort(LocalRabbitMq.PORT);
        factory.setUsername(LocalRabbitMq.USER);
        factory.setPassword(LocalRabbitMq.PASSWORD);
        factory.setVirtualHost(virtualHost);
        try {
            return factory.newConnection(name);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("Could not connect to RabbitMQ's virtual host " + virtualHost + ": " + e, e);
        }
    }
}
