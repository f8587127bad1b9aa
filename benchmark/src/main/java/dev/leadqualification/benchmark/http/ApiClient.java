package dev.leadqualification.benchmark.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The benchmark's HTTP client of one service ({@code baseUrl}): blocking calls from the benchmark's own threads
 * over kept-alive HTTP/1.1 connections, as a sales tool or an import job would make them.
 */
public final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Long enough for a bulk call of 1,000 qualifications or an import of 100,000 lines on a slow machine. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final Credentials credentials;

    public ApiClient(String baseUrl, Credentials credentials) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.credentials = credentials;
    }

    /** The same service as another user. */
    public ApiClient as(Credentials other) {
        return new ApiClient(baseUrl, other);
    }

    public Answer get(String path) {
        return send("GET", path, request(path).GET());
    }

    /** POSTs {@code body} (a Jackson-writable value, e.g. a {@code Map} or node) as JSON. */
    public Answer post(String path, Object body) {
        return send("POST", path, request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    /** POSTs without a body. */
    public Answer post(String path) {
        return send("POST", path, request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POSTs a streamed body of {@code contentType}, read from a new stream on each attempt. */
    public Answer post(String path, String contentType, Supplier<InputStream> body) {
        return send("POST", path, request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", credentials.authorization())
                .header("Accept", "application/json, application/problem+json");
    }

    private Answer send(String method, String path, HttpRequest.Builder request) {
        String described = method + " " + path;
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(described, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(described + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(described + " was interrupted", e);
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
