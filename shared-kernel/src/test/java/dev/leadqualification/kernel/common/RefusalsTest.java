package dev.leadqualification.kernel.common;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal is an answer: it keeps its rule, message and facts, and records no stack trace. */
class RefusalsTest {

    @Test
    void aRefusedStateChangeCarriesItsRuleAndFactsButNoStackTrace() {
        DomainRuleViolation refused = new DomainRuleViolation("lead-closed", "The lead is closed.",
                Map.of("status", "QUALIFIED"));

        assertThat(refused.rule()).isEqualTo("lead-closed");
        assertThat(refused.getMessage()).isEqualTo("The lead is closed.");
        assertThat(refused.extensions()).containsEntry("status", "QUALIFIED");
        assertThat(refused.getStackTrace()).isEmpty();
    }

    @Test
    void anInvalidFieldNamesTheFieldButRecordsNoStackTrace() {
        InvalidField invalid = new InvalidField("name", "is required");

        assertThat(invalid.field()).isEqualTo("name");
        assertThat(invalid.getMessage()).isEqualTo("is required");
        assertThat(invalid.getStackTrace()).isEmpty();
    }
}
