package dev.leadqualification.kernel.duplicates;

import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.common.TextLimits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** One condition of a rule: the field, the operator, and for prefix/suffix operators how many characters. */
public record RuleCondition(@NotBlank @Text(max = TextLimits.NAME) String field, @NotNull MatchOperator operator,
                            @Positive Integer characters) {
}
