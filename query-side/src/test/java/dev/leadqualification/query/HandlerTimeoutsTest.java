package dev.leadqualification.query;

import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projection handlers are not timed out: Axon's timeouts would take a stack trace at every handler call and
 * interrupt a legitimately long batch (a replay of a large store).
 */
class HandlerTimeoutsTest extends QuerySideTest {

    @Autowired
    ApplicationContext context;

    @Test
    void axonsHandlerTimeoutsAreOff() {
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
    }
}
