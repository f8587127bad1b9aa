package dev.leadqualification.command.support;

import org.axonframework.test.utils.CallbackBehavior;

/** How stubbed command handlers answer the commands a saga sends. */
public final class CommandOutcomes {

    private CommandOutcomes() {
    }

    /** Every command succeeds without a result, except those of {@code commandType}, which throw {@code failure}. */
    public static CallbackBehavior failing(Class<?> commandType, RuntimeException failure) {
        return (command, metaData) -> {
            if (commandType.isInstance(command)) {
                throw failure;
            }
            return null;
        };
    }
}
