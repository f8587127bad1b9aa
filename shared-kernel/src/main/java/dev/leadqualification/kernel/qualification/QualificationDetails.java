package dev.leadqualification.kernel.qualification;

import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.common.TextLimits;
import jakarta.validation.Valid;

/** The Qualify stage's findings: timeframe, budget, purchase process, decision maker, need. */
public record QualificationDetails(
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

    public static final QualificationDetails NONE =
            new QualificationDetails(null, null, null, null, null, null, null, null, null, null);
}
