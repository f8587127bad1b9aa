package dev.leadqualification.command.duplicates;

import dev.leadqualification.kernel.duplicates.DuplicateRuleDefinition;
import dev.leadqualification.kernel.duplicates.MatchOperator;
import dev.leadqualification.kernel.duplicates.RuleCondition;
import dev.leadqualification.kernel.duplicates.RuleEntity;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MatchCodesTest {

    private static DuplicateRuleDefinition rule(Boolean caseSensitive, Boolean ignoreBlankValues, RuleCondition... conditions) {
        return new DuplicateRuleDefinition("rule", RuleEntity.ACCOUNT, Arrays.asList(conditions), caseSensitive,
                ignoreBlankValues);
    }

    private static RuleCondition exact(String field) {
        return new RuleCondition(field, MatchOperator.EXACT, null);
    }

    private static Map<String, String> fields(String... keysAndValues) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    private static Optional<String> code(DuplicateRuleDefinition rule, String... keysAndValues) {
        return MatchCodes.of(rule, fields(keysAndValues));
    }

    @Test
    void exactIgnoresCaseAndSurroundingAndRepeatedWhiteSpaceByDefault() {
        DuplicateRuleDefinition byName = rule(null, null, exact("name"));
        assertThat(code(byName, "name", "  Contoso   Ltd ")).isEqualTo(code(byName, "name", "contoso ltd"));
        assertThat(code(byName, "name", "Contoso Ltd")).isNotEqualTo(code(byName, "name", "Contoso Ltd."));
    }

    @Test
    void caseSensitiveRulesKeepCaseButStillFoldWhiteSpace() {
        DuplicateRuleDefinition byName = rule(true, null, exact("name"));
        assertThat(code(byName, "name", "Contoso")).isNotEqualTo(code(byName, "name", "contoso"));
        assertThat(code(byName, "name", " Contoso ")).isEqualTo(code(byName, "name", "Contoso"));
    }

    @Test
    void emailIsComparedLowerCasedEvenInCaseSensitiveRules() {
        DuplicateRuleDefinition byEmail = rule(true, null, exact("email"));
        assertThat(code(byEmail, "email", "Ana@Contoso.COM")).isEqualTo(code(byEmail, "email", "ana@contoso.com"));
    }

    @Test
    void phonesAreComparedByDigits() {
        DuplicateRuleDefinition byPhone = rule(null, null, exact("phone"));
        assertThat(code(byPhone, "phone", "+34 (600) 000-111")).isEqualTo(code(byPhone, "phone", "34600000111"));
    }

    /** The codes stored so far were computed with regular expressions: the normalisation must give their results. */
    @Test
    void valuesAreNormalisedExactlyAsByTheRegularExpressionsOfTheStoredCodes() {
        String alphabet = " \t\n\u000B\f\r\u00A0\u2003\u001FaB5\u0663-.";
        Random random = new Random(25);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder value = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = value.toString();
            assertThat(MatchCodes.normalise("phone", text, false)).as("phone %s", text)
                    .isEqualTo(text.replaceAll("\\D", ""));
            assertThat(MatchCodes.normalise("name", text, true)).as("name %s", text)
                    .isEqualTo(text.strip().replaceAll("\\s+", " "));
            assertThat(MatchCodes.normalise("name", text, false)).as("name %s", text)
                    .isEqualTo(text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void blankValuesNeverMatchWhenIgnoredAndMatchEachOtherOtherwise() {
        assertThat(code(rule(null, true, exact("email")), "email", "   ")).isEmpty();
        assertThat(code(rule(null, null, exact("email")))).isEmpty();
        DuplicateRuleDefinition blanksCount = rule(null, false, exact("email"));
        assertThat(code(blanksCount, "email", "  ")).isPresent().isEqualTo(code(blanksCount));
    }

    @Test
    void firstAndLastCharactersCompareOnlyThatPart() {
        DuplicateRuleDefinition prefix = rule(null, null, new RuleCondition("name", MatchOperator.SAME_FIRST_CHARACTERS, 5));
        assertThat(code(prefix, "name", "Contoso Ltd")).isEqualTo(code(prefix, "name", "CONTOSO Pharma"));
        assertThat(code(prefix, "name", "Contoso")).isNotEqualTo(code(prefix, "name", "Cont-oso"));
        DuplicateRuleDefinition suffix = rule(null, null, new RuleCondition("phone", MatchOperator.SAME_LAST_CHARACTERS, 4));
        assertThat(code(suffix, "phone", "+1 555 1234")).isEqualTo(code(suffix, "phone", "(44) 9 1234"));
    }

    @Test
    void valuesShorterThanTheComparedCharactersNeverMatch() {
        DuplicateRuleDefinition prefix = rule(null, null, new RuleCondition("name", MatchOperator.SAME_FIRST_CHARACTERS, 10));
        assertThat(code(prefix, "name", "Contoso")).isEmpty();
        DuplicateRuleDefinition suffix = rule(null, null, new RuleCondition("name", MatchOperator.SAME_LAST_CHARACTERS, 8));
        assertThat(code(suffix, "name", "Contoso")).isEmpty();
    }

    @Test
    void everyConditionMustMatch() {
        DuplicateRuleDefinition byFullName = rule(null, null, exact("firstName"), exact("lastName"));
        assertThat(code(byFullName, "firstName", "Ana", "lastName", "Lopez"))
                .isEqualTo(code(byFullName, "firstName", "ana", "lastName", "LOPEZ"))
                .isNotEqualTo(code(byFullName, "firstName", "Ana", "lastName", "Lopes"));
        assertThat(code(byFullName, "firstName", "Ana")).isEmpty();
    }

    @Test
    void joinedValuesCannotCollideAcrossConditions() {
        DuplicateRuleDefinition byFullName = rule(null, null, exact("firstName"), exact("lastName"));
        assertThat(code(byFullName, "firstName", "an", "lastName", "alopez"))
                .isNotEqualTo(code(byFullName, "firstName", "ana", "lastName", "lopez"));
    }

    @Test
    void definitionDefaultsAreCaseInsensitiveAndIgnoreBlanks() {
        DuplicateRuleDefinition defaults = new DuplicateRuleDefinition("r", RuleEntity.CONTACT, List.of(exact("email")), null, null);
        assertThat(defaults.caseSensitive()).isFalse();
        assertThat(defaults.ignoreBlankValues()).isTrue();
    }
}
