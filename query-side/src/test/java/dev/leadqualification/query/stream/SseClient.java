package dev.leadqualification.query.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * Reads a server-sent event stream over HTTP line by line (on a daemon thread) into messages; every wait is
 * bounded. Close it to hang up.
 */
final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Message END = new Message(null, null, null, List.of());

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Opens {@code url} with HTTP Basic credentials (none if {@code user} is null) and extra headers. */
    static SseClient open(String url, String user, String password, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Accept", "text/event-stream");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The body of an answer that is not a stream. */
    String body() throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The next message (event or comment), or an error after {@code timeout}. */
    Message next(Duration timeout) throws InterruptedException {
        Message message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no server-sent message within " + timeout);
        }
        if (message == END) {
            throw new AssertionError("the stream ended");
        }
        return message;
    }

    /** The next event (comments skipped). */
    Message nextEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Message message = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (message.id() != null) {
                return message;
            }
        }
    }

    /** The events up to and including the first that matches, within {@code timeout} in all. */
    List<Message> eventsUntil(Predicate<Message> last, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Message> events = new ArrayList<>();
        while (true) {
            Message event = nextEvent(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            events.add(event);
            if (last.test(event)) {
                return events;
            }
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            List<String> comments = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (id != null || event != null || data != null || !comments.isEmpty()) {
                        messages.add(new Message(id, event, data == null ? null : data.toString(), List.copyOf(comments)));
                    }
                    id = null;
                    event = null;
                    data = null;
                    comments.clear();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (IOException closed) {
            // hung up
        } finally {
            messages.add(END);
        }
    }

    /** One server-sent message: an event (id, event name, data) or comments only. */
    record Message(String id, String event, String data, List<String> comments) {
        long position() {
            return Long.parseLong(id);
        }
    }
}
