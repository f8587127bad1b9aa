package dev.leadqualification.command.lead;

import dev.leadqualification.kernel.common.TextLimits;
import dev.leadqualification.kernel.lead.DisqualificationReason;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/leads/{id}/disqualify}. */
record DisqualifyRequest(@NotNull DisqualificationReason reason, @Size(max = TextLimits.LONG_TEXT) String description) {
}
