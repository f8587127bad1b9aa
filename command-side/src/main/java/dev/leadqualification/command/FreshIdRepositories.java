package dev.leadqualification.command;

import dev.leadqualification.command.account.Account;
import dev.leadqualification.command.contact.Contact;
import dev.leadqualification.command.creation.FreshIdRepository;
import dev.leadqualification.command.opportunity.Opportunity;
import dev.leadqualification.platform.fence.AxonExtensions;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The repositories of the records the saga creates by the hundred and clients create directly: accounts, contacts and
 * opportunities ({@code @Aggregate(repository = ...)} names them). Their creations under a fresh id read nothing.
 */
@Configuration
public class FreshIdRepositories {

    private final EventStore eventStore;
    private final ParameterResolverFactory parameters;
    private final HandlerDefinition handlers;
    private final boolean freshIdCreation;

    public FreshIdRepositories(EventStore eventStore, ParameterResolverFactory parameters, HandlerDefinition handlers,
                               Environment environment) {
        this.eventStore = eventStore;
        this.parameters = parameters;
        this.handlers = handlers;
        this.freshIdCreation = AxonExtensions.isOn(environment, FreshIdRepository.NAME);
    }

    @Bean(Account.REPOSITORY)
    public Repository<Account> accountRepository() {
        return repository(Account.class);
    }

    @Bean(Contact.REPOSITORY)
    public Repository<Contact> contactRepository() {
        return repository(Contact.class);
    }

    @Bean(Opportunity.REPOSITORY)
    public Repository<Opportunity> opportunityRepository() {
        return repository(Opportunity.class);
    }

    /** Axon's own event-sourced repository while {@code leads.axon-extensions.fresh-id-creation} is off. */
    private <T> Repository<T> repository(Class<T> aggregateType) {
        return freshIdCreation ? FreshIdRepository.of(aggregateType, eventStore, parameters, handlers)
                : EventSourcingRepository.builder(aggregateType).eventStore(eventStore)
                .parameterResolverFactory(parameters).handlerDefinition(handlers).build();
    }
}
