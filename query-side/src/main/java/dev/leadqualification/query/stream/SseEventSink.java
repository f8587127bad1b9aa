package dev.leadqualification.query.stream;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** One subscriber's SSE response: {@code id:} the position, {@code event:} the type, {@code data:} the CloudEvent. */
final class SseEventSink implements EventSink {

    /** The CloudEvent JSON is written as it is (one line), in UTF-8. */
    private static final MediaType JSON_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final SseEmitter emitter;

    SseEventSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        emitter.send(SseEmitter.event()
                .id(Long.toString(event.position()))
                .name(event.type())
                .data(event.json(), JSON_TEXT));
    }

    @Override
    public void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment(" heartbeat"));
    }

    @Override
    public void close() {
        try {
            emitter.complete();
        } catch (RuntimeException alreadyGone) {
            // the response is over either way
        }
    }
}
