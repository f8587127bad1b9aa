package dev.leadqualification.kernel.opportunity;

import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Closes an open opportunity as won or lost. {@code actualRevenue} (won only) defaults to the estimated value;
 * {@code reason} is required for a lost one; {@code closeDate} is the day it closed (absent: today, UTC).
 */
public record CloseOpportunity(@TargetAggregateIdentifier String opportunityId, OpportunityOutcome outcome,
                               Money actualRevenue, LocalDate closeDate, String reason) implements OwnerOnly {
}
