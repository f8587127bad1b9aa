package dev.leadqualification.kernel.duplicates;

import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.common.TextLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A duplicate detection rule: two records of {@code entity} are duplicates when every condition matches.
 * Matching ignores case unless {@code caseSensitive}; a blank field never matches when {@code ignoreBlankValues}.
 */
public record DuplicateRuleDefinition(
        @NotBlank @Text(max = TextLimits.TITLE) String name,
        @NotNull RuleEntity entity,
        @NotEmpty @Size(max = 10) List<@Valid @NotNull RuleCondition> conditions,
        Boolean caseSensitive,
        Boolean ignoreBlankValues) {

    /** Absent flags take their defaults: case-insensitive, blank values ignored. */
    public DuplicateRuleDefinition {
        caseSensitive = caseSensitive != null && caseSensitive;
        ignoreBlankValues = ignoreBlankValues == null || ignoreBlankValues;
        conditions = conditions == null ? null : List.copyOf(conditions);
    }
}
