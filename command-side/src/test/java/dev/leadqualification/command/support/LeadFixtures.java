package dev.leadqualification.command.support;

import dev.leadqualification.command.lead.Lead;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** An aggregate fixture for the Lead with the resources its handlers take. */
public final class LeadFixtures {

    private LeadFixtures() {
    }

    public static AggregateTestFixture<Lead> leadFixture(InMemoryCustomerDirectory directory, FixedSettings settings) {
        AggregateTestFixture<Lead> fixture = new AggregateTestFixture<>(Lead.class);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(settings);
        return fixture;
    }
}
