package dev.leadqualification.command.opportunity;

import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.common.TextLimits;
import dev.leadqualification.kernel.opportunity.OpportunityOutcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** Body of {@code POST /api/opportunities/{id}/close}. */
record CloseRequest(@NotNull OpportunityOutcome outcome, @Valid Money actualRevenue, LocalDate closeDate,
                    @Text(max = TextLimits.LONG_TEXT, multiline = true) String reason) {
}
