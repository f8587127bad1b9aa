package dev.leadqualification.command.support;

import dev.leadqualification.command.opportunity.OpenOpportunities;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** The opportunities a test says are open (none unless told), as the event store would tell. */
public final class KnownOpportunities implements OpenOpportunities {

    private final Set<String> open = new HashSet<>();

    public KnownOpportunities open(String opportunityId) {
        open.add(opportunityId);
        return this;
    }

    @Override
    public Set<String> among(Collection<String> opportunityIds) {
        Set<String> found = new LinkedHashSet<>(opportunityIds);
        found.retainAll(open);
        return found;
    }
}
