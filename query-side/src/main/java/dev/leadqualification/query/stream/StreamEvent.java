package dev.leadqualification.query.stream;

/**
 * An event as the stream sends it: its global position (the SSE {@code id}), its type (the SSE {@code event})
 * and its CloudEvents JSON (the SSE {@code data}, one line). Built once and shared by every subscriber.
 */
public record StreamEvent(long position, String type, String json) {
}
