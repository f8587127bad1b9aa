package dev.leadqualification.benchmark.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** One HTTP answer: its status and body (JSON parsed on demand). */
public record Answer(String request, int status, String body) {

    public JsonNode json() {
        try {
            return ApiClient.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(request + " answered " + status + " with a body that is not JSON: "
                    + abbreviated(), e);
        }
    }

    /** The answer, throwing when its status is not {@code expected}. */
    public Answer expect(int expected) {
        if (status != expected) {
            throw new IllegalStateException(request + " answered " + status + " (expected " + expected + "): "
                    + abbreviated());
        }
        return this;
    }

    private String abbreviated() {
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}
