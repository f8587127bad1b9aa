package dev.leadqualification.kernel.qualification;

/** How far the prospect's budget is committed. */
public enum BudgetStatus {
    NO_COMMITTED_BUDGET, MAY_BUY, CAN_BUY, WILL_BUY
}
