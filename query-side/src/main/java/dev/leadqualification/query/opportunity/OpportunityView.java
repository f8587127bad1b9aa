package dev.leadqualification.query.opportunity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.leadqualification.kernel.common.LeadSource;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.opportunity.Customer;
import dev.leadqualification.kernel.opportunity.OpportunityStatus;
import dev.leadqualification.kernel.qualification.QualificationDetails;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An opportunity: named after the lead's topic, with the lead's qualification fields at the top level and the
 * currency its amounts are kept in, the lead's source and campaign, and its owner; its status, and the outcome
 * while it is closed (won: the actual revenue; the close date and reason). {@code version} is the sequence number
 * of its last event applied.
 */
public record OpportunityView(
        String opportunityId,
        String name,
        Customer customer,
        String accountId,
        String contactId,
        String originatingLeadId,
        @JsonUnwrapped QualificationDetails qualification,
        Money estimatedValue,
        String currency,
        LocalDate estimatedCloseDate,
        String description,
        LeadSource leadSource,
        String campaign,
        ProcessStage processStage,
        OpportunityStatus status,
        Money actualRevenue,
        LocalDate closeDate,
        String closeReason,
        String ownerId,
        Instant createdAt,
        String createdBy,
        long version) {
}
