package dev.leadqualification.platform.web;

import org.springframework.http.HttpStatus;

import java.util.Map;

/** An answer other than success that a controller decides (unknown id, too large, ...). */
public class ApiProblem extends RuntimeException {
    private final HttpStatus status;
    private final String slug;
    private final Map<String, Object> extensions;

    public ApiProblem(HttpStatus status, String slug, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.extensions = Map.copyOf(extensions);
    }

    public ApiProblem(HttpStatus status, String slug, String detail) {
        this(status, slug, detail, Map.of());
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "No " + what + " with id " + id + ".");
    }

    public static ApiProblem payloadTooLarge(String detail) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
