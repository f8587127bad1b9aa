package dev.leadqualification.kernel.lead;

import org.axonframework.serialization.Revision;

/** The lead is open again (status reason NEW, stage QUALIFY). */
@Revision("1")
public record LeadReactivated(String leadId) {
}
