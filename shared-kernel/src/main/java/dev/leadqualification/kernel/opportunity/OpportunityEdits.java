package dev.leadqualification.kernel.opportunity;

import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.common.TextLimits;
import dev.leadqualification.kernel.qualification.BudgetStatus;
import dev.leadqualification.kernel.qualification.Need;
import dev.leadqualification.kernel.qualification.PurchaseProcess;
import dev.leadqualification.kernel.qualification.PurchaseTimeframe;
import dev.leadqualification.kernel.qualification.QualificationDetails;
import jakarta.validation.Valid;

import java.time.LocalDate;

/**
 * The fields of an opportunity a salesperson edits, flat as the API shows them (the qualification fields beside the
 * deal's own): the body of {@code PATCH /api/opportunities/{id}}, where a field named with {@code null} is cleared.
 */
public record OpportunityEdits(
        @Text(max = TextLimits.TITLE) String name,
        @Valid Money estimatedValue,
        LocalDate estimatedCloseDate,
        @Text(max = TextLimits.LONG_TEXT, multiline = true) String description,
        PurchaseTimeframe purchaseTimeframe,
        @Valid Money budgetAmount,
        BudgetStatus budgetStatus,
        PurchaseProcess purchaseProcess,
        Boolean decisionMaker,
        Need need,
        @Text(max = TextLimits.LONG_TEXT, multiline = true) String currentSituation,
        @Text(max = TextLimits.LONG_TEXT, multiline = true) String customerNeed,
        @Text(max = TextLimits.LONG_TEXT, multiline = true) String proposedSolution,
        @Text(max = TextLimits.LONG_TEXT, multiline = true) String qualificationComments) {

    /** The editable fields of {@code details}. */
    public static OpportunityEdits of(OpportunityDetails details) {
        QualificationDetails q = details.qualification() == null ? QualificationDetails.NONE : details.qualification();
        return new OpportunityEdits(details.name(), details.estimatedValue(), details.estimatedCloseDate(),
                details.description(), q.purchaseTimeframe(), q.budgetAmount(), q.budgetStatus(), q.purchaseProcess(),
                q.decisionMaker(), q.need(), q.currentSituation(), q.customerNeed(), q.proposedSolution(),
                q.qualificationComments());
    }

    /**
     * {@code current} with these fields, in {@code currency}; what is not edited here (the lead's source and
     * campaign) stays as it was.
     */
    public OpportunityDetails applyTo(OpportunityDetails current, String currency) {
        return new OpportunityDetails(name, new QualificationDetails(purchaseTimeframe, budgetAmount, budgetStatus,
                purchaseProcess, decisionMaker, need, currentSituation, customerNeed, proposedSolution,
                qualificationComments), estimatedValue, estimatedCloseDate, description, currency,
                current.leadSource(), current.campaign());
    }
}
