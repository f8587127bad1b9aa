package dev.leadqualification.kernel.common;

import java.util.Map;

/**
 * The request cannot go on until the caller makes a choice (the API's form of a prompt, e.g. which
 * records a qualification should create). Answered 422 with the choices.
 */
public class ChoiceRequired extends DomainRuleViolation {

    public ChoiceRequired(String rule, String message, Map<String, Object> extensions) {
        super(rule, message, extensions);
    }
}
