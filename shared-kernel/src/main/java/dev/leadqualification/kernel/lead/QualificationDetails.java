package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.TextLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** The Qualify stage's findings: timeframe, budget, purchase process, decision maker, need. */
public record QualificationDetails(
        PurchaseTimeframe purchaseTimeframe,
        @Valid Money budgetAmount,
        BudgetStatus budgetStatus,
        PurchaseProcess purchaseProcess,
        Boolean decisionMaker,
        Need need,
        @Size(max = TextLimits.LONG_TEXT) String currentSituation,
        @Size(max = TextLimits.LONG_TEXT) String customerNeed,
        @Size(max = TextLimits.LONG_TEXT) String proposedSolution,
        @Size(max = TextLimits.LONG_TEXT) String qualificationComments) {

    public static final QualificationDetails NONE =
            new QualificationDetails(null, null, null, null, null, null, null, null, null, null);
}
