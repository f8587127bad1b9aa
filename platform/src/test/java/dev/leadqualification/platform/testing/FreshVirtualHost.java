package dev.leadqualification.platform.testing;

import dev.leadqualification.localruntime.LocalRabbitMq;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.Map;

/**
 * An empty RabbitMQ virtual host for one test run, so runs never see each other's exchanges and queues: on the broker
 * {@link LocalRabbitMq} names ({@code TEST_RABBITMQ_HOST}, default {@code 127.0.0.1:5672}, {@code guest}/{@code guest}),
 * deleted when the JVM exits.
 */
public final class FreshVirtualHost {

    public static final String HOST = LocalRabbitMq.HOST;
    public static final int PORT = LocalRabbitMq.PORT;
    public static final String USER = LocalRabbitMq.USER;
    public static final String PASSWORD = LocalRabbitMq.PASSWORD;

    private final String name;

    private FreshVirtualHost(String name) {
        this.name = name;
    }

    /** A new, empty virtual host named {@code lq_<purpose>_<random>}, open to {@link #USER}. */
    public static FreshVirtualHost create(String purpose) {
        return new FreshVirtualHost(LocalRabbitMq.createVirtualHost(purpose));
    }

    public String name() {
        return name;
    }

    /** Points a Spring test's RabbitMQ connection at this virtual host: call it from a {@code @DynamicPropertySource}. */
    public void useAsBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.host", () -> HOST);
        registry.add("spring.rabbitmq.port", () -> PORT);
        registry.add("spring.rabbitmq.username", () -> USER);
        registry.add("spring.rabbitmq.password", () -> PASSWORD);
        registry.add("spring.rabbitmq.virtual-host", () -> name);
    }

    /** The same settings as environment variables, for a service started as a process. */
    public Map<String, String> environment() {
        return LocalRabbitMq.environment(name);
    }
}
