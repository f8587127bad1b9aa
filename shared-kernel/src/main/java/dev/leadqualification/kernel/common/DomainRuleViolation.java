package dev.leadqualification.kernel.common;

import java.util.Map;

/**
 * A refused state change. {@link #rule()} is the stable machine-readable name of the broken rule
 * (the problem type slug of the HTTP answer, e.g. {@code lead-closed}); {@link #extensions()} are facts the
 * caller needs to decide what to do next.
 * <p>
 * A refusal is an answer, not a fault: it carries no stack trace, which would cost more than the check that refused
 * (a duplicate check at the HTTP client spent 6% of its CPU filling them in, async-profiler) and is never shown.
 */
public class DomainRuleViolation extends RuntimeException {
    private final String rule;
    private final Map<String, Object> extensions;

    public DomainRuleViolation(String rule, String message, Map<String, Object> extensions) {
        super(message, null, false, false);
        this.rule = rule;
        this.extensions = Map.copyOf(extensions);
    }

    public DomainRuleViolation(String rule, String message) {
        this(rule, message, Map.of());
    }

    public String rule() {
        return rule;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
