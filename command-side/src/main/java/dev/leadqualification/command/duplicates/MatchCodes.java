package dev.leadqualification.command.duplicates;

import dev.leadqualification.kernel.duplicates.DuplicateRuleDefinition;
import dev.leadqualification.kernel.duplicates.RuleCondition;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A record's match code under a rule: the normalised values its conditions compare, joined and hashed (the first
 * 128 bits of their SHA-256, written as a UUID: the {@code uuid} column keeps it in 16 bytes). Two records match
 * under a rule exactly when they have the same code, so a duplicate check is an index lookup.
 * No code (never matches) when a compared value is blank and the rule ignores blank values, or is shorter
 * than the characters a prefix/suffix condition compares.
 */
public final class MatchCodes {

    private static final Set<String> PHONE_FIELDS = Set.of("phone", "businessPhone", "mobilePhone");
    /** The characters of the regular expression {@code \s}, which the codes stored so far were computed with. */
    private static final String WHITE_SPACE = " \t\n\u000B\f\r";
    /** A digest per thread: looking SHA-256 up for every code cost as much as computing it. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    });
    /** Separates the compared values before hashing, so ("ab", "c") and ("a", "bc") differ. */
    private static final char SEPARATOR = '\u001F';

    private MatchCodes() {
    }

    /** A record's match code under one rule. */
    public record UnderRule(DuplicateRules.StoredRule rule, String code) {
    }

    /** A record's codes under each of {@code rules}; none under a rule it can never match by. */
    public static List<UnderRule> under(List<DuplicateRules.StoredRule> rules, Map<String, String> fields) {
        List<UnderRule> codes = new ArrayList<>();
        for (DuplicateRules.StoredRule rule : rules) {
            of(rule.definition(), fields).ifPresent(code -> codes.add(new UnderRule(rule, code)));
        }
        return codes;
    }

    public static Optional<String> of(DuplicateRuleDefinition rule, Map<String, String> fields) {
        StringBuilder compared = new StringBuilder();
        for (RuleCondition condition : rule.conditions()) {
            String value = normalise(condition.field(), fields.get(condition.field()), rule.caseSensitive());
            if (value.isEmpty() && rule.ignoreBlankValues()) {
                return Optional.empty();
            }
            Optional<String> part = part(condition, value);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            compared.append(part.get()).append(SEPARATOR);
        }
        return Optional.of(hash(compared.toString()));
    }

    /**
     * Trimmed, inner white space collapsed, case folded unless case-sensitive; e-mail lower-cased, phones as digits
     * (0-9). Written as loops, not regular expressions (a matcher per value was a third of a code's cost), with
     * exactly their results: the codes already stored must stay valid.
     */
    static String normalise(String field, String value, boolean caseSensitive) {
        if (value == null) {
            return "";
        }
        if (PHONE_FIELDS.contains(field)) {
            return digits(value);
        }
        String text = whiteSpaceCollapsed(value.strip());
        return caseSensitive && !field.equals("email") ? text : text.toLowerCase(Locale.ROOT);
    }

    private static String digits(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** Every run of white space as one space. */
    private static String whiteSpaceCollapsed(String text) {
        StringBuilder collapsed = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = WHITE_SPACE.indexOf(c) >= 0;
            boolean run = space && i > 0 && WHITE_SPACE.indexOf(text.charAt(i - 1)) >= 0;
            if (collapsed == null && (run || space && c != ' ')) {
                collapsed = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (collapsed != null && !run) {
                collapsed.append(space ? ' ' : c);
            }
        }
        return collapsed == null ? text : collapsed.toString();
    }

    private static Optional<String> part(RuleCondition condition, String value) {
        return switch (condition.operator()) {
            case EXACT -> Optional.of(value);
            case SAME_FIRST_CHARACTERS -> value.length() < condition.characters() ? Optional.empty()
                    : Optional.of(value.substring(0, condition.characters()));
            case SAME_LAST_CHARACTERS -> value.length() < condition.characters() ? Optional.empty()
                    : Optional.of(value.substring(value.length() - condition.characters()));
        };
    }

    private static String hash(String text) {
        ByteBuffer digest = ByteBuffer.wrap(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
        return new UUID(digest.getLong(), digest.getLong()).toString();
    }
}
