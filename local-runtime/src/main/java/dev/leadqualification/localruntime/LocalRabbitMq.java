package dev.leadqualification.localruntime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The RabbitMQ broker of this machine, for tests and benchmarks: where it is ({@code TEST_RABBITMQ_HOST},
 * {@code _PORT}, {@code _USER}, {@code _PASSWORD}; default {@code 127.0.0.1:5672}, {@code guest}/{@code guest}) and
 * virtual hosts of their own, made with {@code rabbitmqctl} (the management plugin, and its HTTP API, is not enabled
 * everywhere), so that runs never see each other's exchanges and queues.
 */
public final class LocalRabbitMq {

    public static final String HOST = env("TEST_RABBITMQ_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("TEST_RABBITMQ_PORT", "5672"));
    public static final String USER = env("TEST_RABBITMQ_USER", "guest");
    public static final String PASSWORD = env("TEST_RABBITMQ_PASSWORD", "guest");

    private LocalRabbitMq() {
    }

    /**
     * A new, empty virtual host named {@code lq_<purpose>_<random>}, open to {@link #USER}, deleted when the JVM exits
     * (unless it is killed).
     */
    public static String createVirtualHost(String purpose) {
        String name = ("lq_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        rabbitmqctl("add_vhost", name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteVirtualHost(name)));
        rabbitmqctl("set_permissions", "-p", name, USER, ".*", ".*", ".*");
        return name;
    }

    /** A service's settings (Spring Boot's) for the virtual host {@code name} of this broker. */
    public static Map<String, String> environment(String virtualHost) {
        return Map.of("SPRING_RABBITMQ_HOST", HOST, "SPRING_RABBITMQ_PORT", Integer.toString(PORT),
                "SPRING_RABBITMQ_USERNAME", USER, "SPRING_RABBITMQ_PASSWORD", PASSWORD,
                "SPRING_RABBITMQ_VIRTUAL_HOST", virtualHost);
    }

    private static void deleteVirtualHost(String name) {
        try {
            rabbitmqctl("delete_vhost", name);
        } catch (IllegalStateException ignored) {
            // best effort at JVM exit: a leftover virtual host is harmless
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
