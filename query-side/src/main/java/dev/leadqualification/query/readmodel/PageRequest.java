package dev.leadqualification.query.readmodel;

import dev.leadqualification.platform.web.InvalidRequest;

/**
 * Which page of a list to answer: {@code page} counts from 0, {@code size} is 1 to {@value #MAX_SIZE}. A list
 * endpoint takes it as a parameter, read from the query string by {@link PageRequestResolver}.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new InvalidRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequest("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
