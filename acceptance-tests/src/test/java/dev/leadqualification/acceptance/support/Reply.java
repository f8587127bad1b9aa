package dev.leadqualification.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** An HTTP answer: status, headers, body as bytes and as JSON. Prints as evidence for failure messages. */
public record Reply(String request, int status, HttpHeaders headers, byte[] body) {

    private static final int SHOWN_BODY = 2_000;

    public JsonNode json() {
        return Json.parse(body);
    }

    /** The header's first value, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String text = text();
        return request + " -> " + status + " " + (contentType() == null ? "" : contentType()) + " "
                + (text.length() > SHOWN_BODY ? text.substring(0, SHOWN_BODY) + "..." : text);
    }
}
