package dev.leadqualification.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A subscriber of the query side's {@code GET /api/events}: reads the server-sent events line by line on a
 * daemon thread; every wait is bounded. Close it to hang up.
 */
public final class ServerSentEvents implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Event END = new Event(null, null, null);

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private ServerSentEvents(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "server-sent-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream at {@code pathAndQuery} of the query side as {@code user}, with extra headers. */
    public static ServerSentEvents open(RunningServices services, User user, String pathAndQuery,
                                        Map<String, String> headers) {
        return open(services.querySideUrl(), user, pathAndQuery, headers);
    }

    /** Opens the stream at {@code pathAndQuery} of the query-side instance at {@code querySideUrl}. */
    public static ServerSentEvents open(String querySideUrl, User user, String pathAndQuery,
                                        Map<String, String> headers) {
        String credentials = user.username() + ":" + user.password();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(querySideUrl + pathAndQuery)).GET()
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        headers.forEach(request::header);
        try {
            return new ServerSentEvents(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + pathAndQuery + " was interrupted", e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse(null);
    }

    /** The next event (heartbeat comments are skipped), or null if none came within {@code timeout}. */
    public Event poll(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == END) {
                events.add(END);
                throw new AssertionError("The event stream ended");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an event", e);
        }
    }

    /** The next event, which must come within {@code timeout}. */
    public Event next(Duration timeout) {
        Event event = poll(timeout);
        if (event == null) {
            throw new AssertionError("No event within " + timeout);
        }
        return event;
    }

    /** The events up to and including the first that matches, which must come within {@code timeout}. */
    public List<Event> until(Predicate<Event> last, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> received = new ArrayList<>();
        while (true) {
            Event event = poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (event == null) {
                throw new AssertionError("No matching event within " + timeout + "; received " + received.size()
                        + (received.isEmpty() ? "" : ", the last: " + received.get(received.size() - 1)));
            }
            received.add(event);
            if (last.test(event)) {
                return received;
            }
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // hung up either way
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (id != null || data != null) {
                        events.add(new Event(id, name, data == null ? null : data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (IOException hungUp) {
            // closed by the test
        } finally {
            events.add(END);
        }
    }

    /** One server-sent event: {@code id:} (the position), {@code event:} (the type), {@code data:} (a CloudEvent). */
    public record Event(String id, String name, String data) {

        public long position() {
            return Long.parseLong(id);
        }

        public JsonNode cloudEvent() {
            return Json.parse(data.getBytes(StandardCharsets.UTF_8));
        }

        public String subject() {
            return cloudEvent().path("subject").asText();
        }

        @Override
        public String toString() {
            return "id: " + id + " event: " + name + " data: " + data;
        }
    }
}
