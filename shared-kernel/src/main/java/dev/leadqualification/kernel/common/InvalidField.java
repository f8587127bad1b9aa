package dev.leadqualification.kernel.common;

/**
 * A domain invariant on one field that a request would break (answered as a 400 naming the field). Like a
 * {@link DomainRuleViolation}, an answer without a stack trace.
 */
public class InvalidField extends RuntimeException {
    private final String field;

    public InvalidField(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
