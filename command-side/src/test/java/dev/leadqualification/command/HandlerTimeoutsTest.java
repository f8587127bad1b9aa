package dev.leadqualification.command;

import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command and saga handlers are not timed out: Axon's timeouts would take a stack trace at every handler call and
 * unit of work, and interrupt a legitimately long handler (publishing a rule over a million records).
 */
class HandlerTimeoutsTest extends CommandSideTest {

    @Autowired
    ApplicationContext context;

    @Test
    void axonsHandlerTimeoutsAreOff() {
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
    }
}
