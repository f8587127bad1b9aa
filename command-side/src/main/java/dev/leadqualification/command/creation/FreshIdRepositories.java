package dev.leadqualification.command.creation;

import dev.leadqualification.command.account.Account;
import dev.leadqualification.command.contact.Contact;
import dev.leadqualification.command.opportunity.Opportunity;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The repositories of the records the saga creates by the hundred and clients create directly: accounts, contacts and
 * opportunities ({@code @Aggregate(repository = ...)} names them). Their creations under a fresh id read nothing.
 */
@Configuration
public class FreshIdRepositories {

    public static final String ACCOUNTS = "accountRepository";
    public static final String CONTACTS = "contactRepository";
    public static final String OPPORTUNITIES = "opportunityRepository";

    @Bean(ACCOUNTS)
    public Repository<Account> accountRepository(EventStore eventStore, ParameterResolverFactory parameters,
                                                 HandlerDefinition handlers) {
        return FreshIdRepository.of(Account.class, eventStore, parameters, handlers);
    }

    @Bean(CONTACTS)
    public Repository<Contact> contactRepository(EventStore eventStore, ParameterResolverFactory parameters,
                                                 HandlerDefinition handlers) {
        return FreshIdRepository.of(Contact.class, eventStore, parameters, handlers);
    }

    @Bean(OPPORTUNITIES)
    public Repository<Opportunity> opportunityRepository(EventStore eventStore, ParameterResolverFactory parameters,
                                                         HandlerDefinition handlers) {
        return FreshIdRepository.of(Opportunity.class, eventStore, parameters, handlers);
    }
}
