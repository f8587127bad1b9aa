package dev.leadqualification.command.opportunity;

import dev.leadqualification.kernel.common.ProcessStage;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/opportunities/{id}/stage}: DEVELOP, PROPOSE or CLOSE. */
record StageRequest(@NotNull ProcessStage processStage) {
}
