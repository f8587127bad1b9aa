package dev.leadqualification.command.account;

import dev.leadqualification.command.directory.RecordCreation;
import dev.leadqualification.command.duplicates.DuplicateDetector;
import dev.leadqualification.command.ownership.OwnedRecord;
import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.kernel.account.AssignAccount;
import dev.leadqualification.kernel.account.AccountAssigned;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.account.CreateAccount;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A company the organisation does business with, created directly or from a qualified lead. */
@Aggregate(repository = Account.REPOSITORY)
public class Account extends OwnedRecord {

    /** The bean name of its repository (a fresh-id repository: see the command side's FreshIdRepositories). */
    public static final String REPOSITORY = "accountRepository";

    @AggregateIdentifier
    private String accountId;
    private RecordCreation<AccountDetails> creation;

    protected Account() {
        // for Axon: rebuilt from events
    }

    /** Decided by {@link AccountCreation}, the rules an import applies to its accounts too. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(CreateAccount command, SettingsLookup settingsLookup, DuplicateDetector detector) {
        AccountCreation.decide(command, creation, detector, settingsLookup).ifPresent(AggregateLifecycle::apply);
        return command.accountId();
    }

    @CommandHandler
    public void handle(AssignAccount command) {
        if (isNewOwner(command.ownerId())) {
            AggregateLifecycle.apply(new AccountAssigned(accountId, command.ownerId()));
        }
    }

    @EventSourcingHandler
    void on(AccountCreated event) {
        accountId = event.accountId();
        ownedBy(event.ownerId());
        creation = AccountCreation.creationBy(event);
    }
}
