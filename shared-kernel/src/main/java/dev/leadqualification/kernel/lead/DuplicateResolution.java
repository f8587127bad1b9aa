package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.common.RecordId;
import jakarta.validation.constraints.NotNull;

/** The salesperson's answer to a duplicate warning: link the existing records, or create new ones anyway. */
public record DuplicateResolution(@NotNull Action action, @RecordId String accountId, @RecordId String contactId) {

    public enum Action {
        USE_EXISTING, CREATE_NEW
    }
}
