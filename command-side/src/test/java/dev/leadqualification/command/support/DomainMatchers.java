package dev.leadqualification.command.support;

import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.kernel.common.InvalidField;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

import java.util.Map;
import java.util.function.Predicate;

/** Hamcrest matchers for the domain's refusals, for {@code expectException(Matcher)}. */
public final class DomainMatchers {

    private DomainMatchers() {
    }

    /** A refusal of the given rule (the problem slug). */
    public static Matcher<DomainRuleViolation> violation(String rule) {
        return matching(DomainRuleViolation.class, "a violation of rule " + rule, e -> rule.equals(e.rule()));
    }

    /** A refusal of the given rule with exactly this message. */
    public static Matcher<DomainRuleViolation> violation(String rule, String message) {
        return matching(DomainRuleViolation.class, "a violation of rule " + rule + " saying \"" + message + "\"",
                e -> rule.equals(e.rule()) && message.equals(e.getMessage()));
    }

    /** A refusal of the given rule with exactly this message and these extensions. */
    public static Matcher<DomainRuleViolation> violation(String rule, String message, Map<String, Object> extensions) {
        return matching(DomainRuleViolation.class, "a violation of rule " + rule + " saying \"" + message + "\" with "
                + extensions, e -> rule.equals(e.rule()) && message.equals(e.getMessage())
                && extensions.equals(e.extensions()));
    }

    /** A field error naming the given field. */
    public static Matcher<InvalidField> invalidField(String field) {
        return matching(InvalidField.class, "an invalid field " + field, e -> field.equals(e.field()));
    }

    public static <T> Matcher<T> matching(Class<T> type, String description, Predicate<T> condition) {
        return new CustomTypeSafeMatcher<>(description) {
            @Override
            protected boolean matchesSafely(T item) {
                return type.isInstance(item) && condition.test(item);
            }
        };
    }
}
