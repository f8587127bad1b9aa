package dev.leadqualification.kernel.opportunity;

import dev.leadqualification.kernel.common.LeadSource;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.qualification.QualificationDetails;

import java.time.LocalDate;

/**
 * The deal as the lead described it: named after its topic, with the Qualify stage's findings, in
 * {@code currency} (the qualify request's choice, else the lead's estimated value's or budget's currency), with the
 * lead's {@code leadSource} and {@code campaign}.
 */
public record OpportunityDetails(String name, QualificationDetails qualification, Money estimatedValue,
                                 LocalDate estimatedCloseDate, String description, String currency,
                                 LeadSource leadSource, String campaign) {
}
