package dev.leadqualification.query.lead;

import dev.leadqualification.kernel.lead.DisqualificationReason;

import java.time.Instant;

/** Why and when a lead was disqualified; present while the lead stays disqualified. */
public record DisqualificationView(DisqualificationReason reason, String description, Instant disqualifiedAt) {
}
