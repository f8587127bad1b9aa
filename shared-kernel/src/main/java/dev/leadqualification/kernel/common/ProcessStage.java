package dev.leadqualification.kernel.common;

/** Stages of the "lead to opportunity" sales process. */
public enum ProcessStage {
    QUALIFY, DEVELOP, PROPOSE, CLOSE
}
