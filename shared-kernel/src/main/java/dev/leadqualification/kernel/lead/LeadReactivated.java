package dev.leadqualification.kernel.lead;

/** The lead is open again (status reason NEW, stage QUALIFY). */
public record LeadReactivated(String leadId) {
}
