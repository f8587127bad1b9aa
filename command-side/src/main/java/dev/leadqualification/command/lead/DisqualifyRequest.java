package dev.leadqualification.command.lead;

import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.common.TextLimits;
import dev.leadqualification.kernel.lead.DisqualificationReason;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/leads/{id}/disqualify}. */
record DisqualifyRequest(@NotNull DisqualificationReason reason, @Text(max = TextLimits.LONG_TEXT, multiline = true) String description) {
}
