package dev.leadqualification.kernel.common;

/** A domain invariant on one field that a request would break (answered as a 400 naming the field). */
public class InvalidField extends RuntimeException {
    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
