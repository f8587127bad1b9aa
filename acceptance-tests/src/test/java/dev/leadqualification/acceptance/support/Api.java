package dev.leadqualification.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * A client of both services: {@code api.as(SAM).post("/api/leads", body)} sends to the command side,
 * {@code api.as(SAM).query("/api/leads/" + id)} reads the query side, and {@link #awaitLead} waits for the
 * eventually consistent read side to show a state.
 */
public final class Api {

    /** The organisation's lead-qualification settings (ADMIN). */
    public static final String SETTINGS = "/api/settings/lead-qualification";

    /** How long the read side may take to show what a command did. */
    public static final Duration CONSISTENCY = Duration.ofSeconds(15);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final RunningServices services;
    private final String commandSideUrl;
    private final String querySideUrl;

    private Api(RunningServices services, String commandSideUrl, String querySideUrl) {
        this.services = services;
        this.commandSideUrl = commandSideUrl;
        this.querySideUrl = querySideUrl;
    }

    /** The client of the services all test classes share (started on first use). */
    public static Api shared() {
        return on(RunningServices.shared());
    }

    public static Api on(RunningServices services) {
        return new Api(services, services.commandSideUrl(), services.querySideUrl());
    }

    /** The same client, sending commands to another command-side instance ({@link RunningServices#startAnotherCommandSide}). */
    public Api viaCommandSide(String url) {
        return new Api(services, url, querySideUrl);
    }

    /** The same client, reading from another query-side instance ({@link RunningServices#startAnotherQuerySide}). */
    public Api viaQuerySide(String url) {
        return new Api(services, commandSideUrl, url);
    }

    /** Requests with the HTTP Basic credentials of {@code user}. */
    public Caller as(User user) {
        return withPassword(user.username(), user.password());
    }

    public Caller withPassword(String username, String password) {
        String credentials = username + ":" + password;
        return new Caller("Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    /** Requests without credentials. */
    public Caller anonymous() {
        return new Caller(null);
    }

    /** The lead-qualification settings as ada (ADMIN) reads them. */
    public JsonNode settings() {
        Reply reply = as(User.ADA).get(SETTINGS);
        if (reply.status() != 200) {
            throw new AssertionError("Reading the settings failed: " + reply);
        }
        return reply.json();
    }

    /** The experience duplicate warnings come in under the current settings (qualify rule 4). */
    public String duplicateExperience() {
        return settings().path("improvedDuplicateDetection").asBoolean() ? "MAY_ALREADY_EXIST" : "DUPLICATE_WARNING";
    }

    /** Changes the settings {@code change} names (ada's PUT, 204); returns the settings as they are now. */
    public JsonNode changeSettings(JsonNode change) {
        Reply reply = as(User.ADA).put(SETTINGS, change);
        if (reply.status() != 204) {
            throw new AssertionError("Changing the settings to " + change + " failed: " + reply);
        }
        return settings();
    }

    /** The lead as the query side shows it, once {@code condition} holds (within {@link #CONSISTENCY}). */
    public JsonNode awaitLead(String leadId, Predicate<JsonNode> condition) {
        return awaitRecord("/api/leads/" + leadId, condition);
    }

    /** The record at {@code path} on the query side, once it exists. */
    public JsonNode awaitRecord(String path) {
        return awaitRecord(path, record -> true);
    }

    /** The record at {@code path} on the query side, once it exists and {@code condition} holds. */
    public JsonNode awaitRecord(String path, Predicate<JsonNode> condition) {
        return awaitAnswer(path, reply -> reply.status() == 200 && condition.test(reply.json())).json();
    }

    /** The {@code total} of a list or search ({@code /api/leads?q=...}) once it has found anything. */
    public long awaitFound(String listPath) {
        return awaitRecord(listPath, page -> page.path("total").asLong() > 0).path("total").asLong();
    }

    /** The query side's answer to sam's GET of {@code path}, once {@code condition} holds. */
    public Reply awaitAnswer(String path, Predicate<Reply> condition) {
        AtomicReference<Reply> last = new AtomicReference<>();
        try {
            return await().atMost(CONSISTENCY).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        Reply reply = as(User.SAM).query(path);
                        last.set(reply);
                        return reply;
                    }, condition);
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("The query side did not show the expected state within " + CONSISTENCY
                    + "; last answer: " + last.get(), timeout);
        }
    }

    /** Which service a request goes to. */
    public enum Side {
        COMMAND, QUERY
    }

    /** Requests of one caller (with or without credentials). */
    public final class Caller {

        private static final String JSON = "application/json";

        private final String authorization;
        private final Map<String, String> headers;

        private Caller(String authorization) {
            this(authorization, Map.of());
        }

        private Caller(String authorization, Map<String, String> headers) {
            this.authorization = authorization;
            this.headers = headers;
        }

        /** The same caller, sending this header too (e.g. {@code Idempotency-Key}). */
        public Caller withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Caller(authorization, Map.copyOf(more));
        }

        public Reply post(String path, Object body) {
            return send(Side.COMMAND, "POST", path, JSON, Json.bytes(body));
        }

        /** A POST without a body (e.g. reactivate). */
        public Reply post(String path) {
            return send(Side.COMMAND, "POST", path, null, null);
        }

        public Reply patch(String path, Object body) {
            return send(Side.COMMAND, "PATCH", path, JSON, Json.bytes(body));
        }

        public Reply put(String path, Object body) {
            return send(Side.COMMAND, "PUT", path, JSON, Json.bytes(body));
        }

        public Reply delete(String path) {
            return send(Side.COMMAND, "DELETE", path, null, null);
        }

        /** A GET on the command side (settings). */
        public Reply get(String path) {
            return send(Side.COMMAND, "GET", path, null, null);
        }

        /** A GET on the query side. */
        public Reply query(String path) {
            return send(Side.QUERY, "GET", path, null, null);
        }

        /** Any request, e.g. with a body that is not JSON or a content type the API does not take. */
        public Reply send(Side side, String method, String path, String contentType, byte[] body) {
            return sendWith(side, method, path, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
        }

        /** A POST to the command side whose body is streamed from {@code body}, never held whole (a large import). */
        public Reply postStreamed(String path, String contentType, Supplier<InputStream> body) {
            return sendWith(Side.COMMAND, "POST", path, contentType, HttpRequest.BodyPublishers.ofInputStream(body));
        }

        private Reply sendWith(Side side, String method, String path, String contentType,
                               HttpRequest.BodyPublisher body) {
            String base = side == Side.COMMAND ? commandSideUrl : querySideUrl;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            headers.forEach(request::header);
            String described = method + " " + side.name().toLowerCase() + "-side " + path;
            try {
                HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                Reply reply = new Reply(described, response.statusCode(), response.headers(), response.body());
                DescribedAnswers.check(side, method, path, reply);
                return reply;
            } catch (IOException e) {
                throw new UncheckedIOException(described + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(described + " was interrupted", e);
            }
        }
    }
}
