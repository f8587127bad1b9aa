package dev.leadqualification.query.stream;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import dev.leadqualification.platform.web.InvalidRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code GET /api/events} (auditors and admins): every event of the store as server-sent events, oldest first,
 * then live. Resume with the {@code Last-Event-ID} header (what an EventSource sends when it reconnects; it wins
 * over the query) or {@code ?after=<position>}, both exclusive; filter with {@code ?types=LeadCreated,NoteAdded}
 * (event class simple names; positions of other events are skipped over). An SSE comment {@code : heartbeat}
 * comes every {@code leads.stream.heartbeat}. The response has no timeout.
 */
@RestController
class EventStreamController {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final Pattern POSITION = Pattern.compile("\\d{1,18}");
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,199}");

    private final EventStream stream;

    EventStreamController(EventStream stream) {
        this.stream = stream;
    }

    @GetMapping("/api/events")
    @ApiResponse(responseCode = "200", description = "Server-sent events; each data is a CloudEvents 1.0 JSON object",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    SseEmitter events(@RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
                      @RequestParam(name = "after", required = false) String after,
                      @RequestParam(name = "types", required = false) String types,
                      HttpServletResponse response) {
        long from = lastEventId != null && !lastEventId.isBlank() ? position(LAST_EVENT_ID, lastEventId)
                : after != null ? position("after", after) : 0;
        Set<String> typeNames = typeNames(types);
        SseEmitter emitter = new SseEmitter(0L);
        // proxies that buffer answers (nginx) pass this one through as it comes
        response.setHeader("X-Accel-Buffering", "no");
        Subscription subscription = stream.subscribe(from, typeNames, new SseEventSink(emitter));
        emitter.onCompletion(subscription::cancel);
        emitter.onTimeout(subscription::cancel);
        emitter.onError(failure -> subscription.cancel());
        return emitter;
    }

    private static long position(String field, String text) {
        String trimmed = text.trim();
        if (!POSITION.matcher(trimmed).matches()) {
            throw new InvalidRequest(field, "must be an event position: a whole number, 0 or more");
        }
        return Long.parseLong(trimmed);
    }

    private static Set<String> typeNames(String types) {
        if (types == null) {
            return Set.of();
        }
        Set<String> names = Arrays.stream(types.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (names.stream().anyMatch(name -> !TYPE_NAME.matcher(name).matches())) {
            throw new InvalidRequest("types", "must be a comma-separated list of event type names, e.g. LeadCreated");
        }
        return names;
    }
}
