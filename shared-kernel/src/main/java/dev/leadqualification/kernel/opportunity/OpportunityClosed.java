package dev.leadqualification.kernel.opportunity;

import dev.leadqualification.kernel.common.Money;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The opportunity was won (with its actual revenue) or lost, on {@code closeDate}, for {@code reason} if given. */
@Revision("1")
public record OpportunityClosed(String opportunityId, OpportunityOutcome outcome, Money actualRevenue,
                                LocalDate closeDate, String reason) {
}
