package dev.leadqualification.command;

import dev.leadqualification.platform.testing.FreshDatabase;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command and saga handlers are not timed out: Axon's timeouts would take a stack trace at every handler call and
 * unit of work, and interrupt a legitimately long handler (publishing a rule over a million records).
 */
@SpringBootTest
class HandlerTimeoutsTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create("timeouts");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.useAsDataSource(registry);
    }

    @Autowired
    ApplicationContext context;

    @Test
    void axonsHandlerTimeoutsAreOff() {
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
    }
}
