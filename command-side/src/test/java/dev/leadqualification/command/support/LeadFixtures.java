package dev.leadqualification.command.support;

import dev.leadqualification.command.lead.Lead;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * Aggregate fixtures with the resources their handlers take (no duplicates, default settings and no open opportunity
 * unless given).
 */
public final class LeadFixtures {

    private LeadFixtures() {
    }

    public static AggregateTestFixture<Lead> leadFixture(InMemoryCustomerDirectory directory, FixedSettings settings) {
        return leadFixture(directory, settings, new FixedDuplicates());
    }

    public static AggregateTestFixture<Lead> leadFixture(InMemoryCustomerDirectory directory, FixedSettings settings,
                                                         FixedDuplicates duplicates) {
        return leadFixture(directory, settings, duplicates, new KnownOpportunities());
    }

    public static AggregateTestFixture<Lead> leadFixture(InMemoryCustomerDirectory directory, FixedSettings settings,
                                                         FixedDuplicates duplicates, KnownOpportunities opportunities) {
        return fixture(Lead.class, directory, settings, duplicates, opportunities);
    }

    /** A fixture for any aggregate, with these resources injectable into its handlers. */
    public static <A> AggregateTestFixture<A> fixture(Class<A> aggregate, Object... resources) {
        AggregateTestFixture<A> fixture = new AggregateTestFixture<>(aggregate);
        for (Object resource : resources) {
            fixture.registerInjectableResource(resource);
        }
        return fixture;
    }
}
