package dev.leadqualification.platform.web;

import java.util.List;

/** A request whose fields break the API's rules: answered 400 {@code validation}, naming each field. */
public class InvalidRequest extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidRequest(List<FieldError> errors) {
        super("The request has invalid fields.");
        this.errors = List.copyOf(errors);
    }

    public InvalidRequest(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
