package dev.leadqualification.benchmark.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The benchmark's HTTP client of one service ({@code baseUrl}, or several instances of it taken in turn: a
 * {@link RoundRobin}): blocking calls from the benchmark's own threads over kept-alive HTTP/1.1 connections, as a
 * sales tool or an import job would make them.
 * <p>
 * Each call runs on the calling thread alone ({@link HttpURLConnection}). The JDK's {@code java.net.http} client,
 * used before, hands every exchange to its selector thread and back; on two cores shared with both services and
 * PostgreSQL, those hand-offs were part of every time measured: against the same services and data, sequential
 * duplicate checks took 1.1–1.3 ms at the median and 6.2–6.7 ms at the 99th percentile with it, 0.85–0.94 and
 * 4.5–5.8 ms with this client.
 */
public final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Long enough for a bulk call of 1,000 qualifications or an import of 100,000 lines on a slow machine. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);
    /** Streamed bodies (imports) go in chunks of this size rather than being held whole in memory first. */
    private static final int CHUNK_BYTES = 64 * 1024;

    static {
        // Connections kept alive per service (the JDK keeps 5 unless told): one per client thread of the largest
        // scenario (16 clients), so that no call pays for a new connection.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "32");
        }
    }

    private final RoundRobin instances;
    private final Credentials credentials;

    public ApiClient(String baseUrl, Credentials credentials) {
        this(new RoundRobin(List.of(baseUrl)), credentials);
    }

    /** A client of several instances of one service, each call sent to the next instance in turn. */
    public ApiClient(RoundRobin instances, Credentials credentials) {
        this.instances = instances;
        this.credentials = credentials;
    }

    /** The same service as another user (the instances still taken in turn, this client's calls among them). */
    public ApiClient as(Credentials other) {
        return new ApiClient(instances, other);
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    /** POSTs {@code body} (a Jackson-writable value, e.g. a {@code Map} or node) as JSON. */
    public Answer post(String path, Object body) {
        byte[] bytes = bytes(body);
        // Not in a streaming mode: the connection then sends the headers and this small body in one write. Sent
        // apart, the body waited for the headers' acknowledgement (Nagle's algorithm): 1.2 ms more at the median.
        return send("POST", path, "application/json", connection -> {
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
        });
    }

    /** POSTs without a body. */
    public Answer post(String path) {
        return send("POST", path, null, connection -> connection.getOutputStream().close());
    }

    /** POSTs a streamed body of {@code contentType}, read from a new stream. */
    public Answer post(String path, String contentType, Supplier<InputStream> body) {
        return send("POST", path, contentType, connection -> {
            connection.setChunkedStreamingMode(CHUNK_BYTES);
            try (InputStream in = body.get(); OutputStream out = connection.getOutputStream()) {
                in.transferTo(out);
            }
        });
    }

    /** Writes a request's body on its connection. */
    private interface Body {
        void write(HttpURLConnection connection) throws IOException;
    }

    private Answer send(String method, String path, String contentType, Body body) {
        String described = method + " " + path;
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(instances.next() + path).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
            connection.setRequestProperty("Authorization", credentials.authorization());
            connection.setRequestProperty("Accept", "application/json, application/problem+json");
            if (contentType != null) {
                connection.setRequestProperty("Content-Type", contentType);
            }
            if (body != null) {
                connection.setDoOutput(true);
                body.write(connection);
            }
            int status = connection.getResponseCode();
            // the whole answer is read and its stream closed, so that the connection is kept for the next call
            InputStream answer = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = "";
            if (answer != null) {
                try (answer) {
                    text = new String(answer.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new Answer(described, status, text);
        } catch (HttpRetryException refusedWhileStreaming) {
            // a 401 to a streamed body: the JDK will not resend it, and reports the status this way
            return new Answer(described, refusedWhileStreaming.responseCode(), refusedWhileStreaming.getReason());
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            throw new UncheckedIOException(described + " failed: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + body, e);
        }
    }
}
