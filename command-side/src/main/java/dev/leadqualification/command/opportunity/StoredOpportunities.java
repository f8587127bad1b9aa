package dev.leadqualification.command.opportunity;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@link OpenOpportunities} read through the opportunities' repository inside the asking command's unit of work: each
 * is loaded from the event store (no instance caches opportunities), so the answer is the stored state whichever
 * instance changed it last.
 */
@Component
public class StoredOpportunities implements OpenOpportunities {

    private final Repository<Opportunity> repository;

    public StoredOpportunities(@Qualifier(Opportunity.REPOSITORY) Repository<Opportunity> repository) {
        this.repository = repository;
    }

    @Override
    public Set<String> among(Collection<String> opportunityIds) {
        Set<String> open = new LinkedHashSet<>();
        for (String opportunityId : opportunityIds) {
            try {
                if (repository.load(opportunityId).invoke(Opportunity::isOpen)) {
                    open.add(opportunityId);
                }
            } catch (AggregateNotFoundException none) {
                // no such opportunity (yet): nothing open to close
            }
        }
        return open;
    }
}
