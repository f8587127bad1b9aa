package dev.leadqualification.benchmark.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The client against a small local HTTP server: what it sends, and the answers it gives back, errors included. */
class ApiClientTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ApiClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            boolean duplicate = body.contains("duplicate");
            byte[] answer = (duplicate ? "{\"type\":\"duplicates-found\"}" : "{\"length\":" + body.length() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(duplicate ? 409 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        client = new ApiClient("http://127.0.0.1:" + server.getAddress().getPort() + "/", new Credentials("ann", "secret"));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void sendsJsonWithTheUsersCredentialsAndGivesBackTheAnswer() {
        Answer answer = client.post("/api/accounts", Map.of("name", "Acme"));

        assertThat(answer.expect(200).json().path("length").asInt()).isEqualTo("{\"name\":\"Acme\"}".length());
        assertThat(received).containsExactly("POST /api/accounts " + new Credentials("ann", "secret").authorization()
                + " application/json {\"name\":\"Acme\"}");
    }

    @Test
    void anErrorStatusComesBackWithItsBody() {
        Answer answer = client.post("/api/accounts", Map.of("name", "duplicate"));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("type").asText()).isEqualTo("duplicates-found");
    }

    @Test
    void aStreamedBodyArrivesWhole() {
        String lines = "{\"name\":\"line\"}\n".repeat(20_000);

        Answer answer = client.post("/api/import/accounts", "application/x-ndjson",
                () -> new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.expect(200).json().path("length").asInt()).isEqualTo(lines.length());
        assertThat(received).singleElement().asString().contains("application/x-ndjson");
    }

    @Test
    void callsOneAfterAnotherKeepWorkingOnTheKeptConnection() {
        for (int call = 0; call < 50; call++) {
            client.get("/api/leads?page=" + call).expect(200);
        }
        assertThat(received).hasSize(50).last().asString().startsWith("GET /api/leads?page=49 ");
    }
}
