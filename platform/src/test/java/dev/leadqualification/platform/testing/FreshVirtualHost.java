package dev.leadqualification.platform.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Creates an empty RabbitMQ virtual host for one test run, so runs never see each other's exchanges and queues. The
 * broker is the one at {@code TEST_RABBITMQ_HOST}:{@code TEST_RABBITMQ_PORT} (default {@code 127.0.0.1:5672}, user
 * {@code TEST_RABBITMQ_USER}/{@code TEST_RABBITMQ_PASSWORD}, default {@code guest}/{@code guest}); the virtual host is
 * made with {@code rabbitmqctl} on this machine (the management plugin, and its HTTP API, is not enabled everywhere)
 * and deleted when the JVM exits.
 */
public final class FreshVirtualHost {

    public static final String HOST = env("TEST_RABBITMQ_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("TEST_RABBITMQ_PORT", "5672"));
    public static final String USER = env("TEST_RABBITMQ_USER", "guest");
    public static final String PASSWORD = env("TEST_RABBITMQ_PASSWORD", "guest");

    private final String name;

    private FreshVirtualHost(String name) {
        this.name = name;
    }

    /** A new, empty virtual host named {@code lq_<purpose>_<random>}, open to {@link #USER}. */
    public static FreshVirtualHost create(String purpose) {
        String name = ("lq_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        rabbitmqctl("add_vhost", name);
        FreshVirtualHost virtualHost = new FreshVirtualHost(name);
        Runtime.getRuntime().addShutdownHook(new Thread(virtualHost::delete));
        rabbitmqctl("set_permissions", "-p", name, USER, ".*", ".*", ".*");
        return virtualHost;
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
        return Map.of("SPRING_RABBITMQ_HOST", HOST, "SPRING_RABBITMQ_PORT", Integer.toString(PORT),
                "SPRING_RABBITMQ_USERNAME", USER, "SPRING_RABBITMQ_PASSWORD", PASSWORD,
                "SPRING_RABBITMQ_VIRTUAL_HOST", name);
    }

    private void delete() {
        try {
            rabbitmqctl("delete_vhost", name);
        } catch (IllegalStateException ignored) {
            // best effort at JVM exit: a leftover test virtual host is harmless
        }
    }

    private static void rabbitmqctl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run rabbitmqctl (is RabbitMQ installed here?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
