package dev.leadqualification.command.account;

import dev.leadqualification.command.directory.RecordCreation;
import dev.leadqualification.command.duplicates.DuplicateCheck;
import dev.leadqualification.command.duplicates.DuplicateDetector;
import dev.leadqualification.command.ownership.OwnedRecord;
import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.kernel.account.AssignAccount;
import dev.leadqualification.kernel.account.AccountAssigned;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.account.CreateAccount;
import dev.leadqualification.kernel.common.InvalidField;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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

    /**
     * The same create again (a retry, a redelivered saga step) is a no-op; other details under this id: 409. A
     * new account that matches a published duplicate rule is refused when the command asks for the check.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(CreateAccount command, SettingsLookup settingsLookup, DuplicateDetector detector) {
        RecordCreation<AccountDetails> requested =
                new RecordCreation<>(command.details(), command.originatingLeadId());
        if (accountId != null) {
            creation.requireSameAs(requested, "account", accountId);
            return accountId;
        }
        if (command.details().name() == null || command.details().name().isBlank()) {
            throw new InvalidField("name", "is required");
        }
        DuplicateCheck.refuseDuplicate(command.details(), null, command.checkDuplicates(), detector, settingsLookup);
        apply(new AccountCreated(command.accountId(), command.details(), command.originatingLeadId(),
                command.ownerId()));
        return command.accountId();
    }

    @CommandHandler
    public void handle(AssignAccount command) {
        if (isNewOwner(command.ownerId())) {
            apply(new AccountAssigned(accountId, command.ownerId()));
        }
    }

    @EventSourcingHandler
    void on(AccountCreated event) {
        accountId = event.accountId();
        ownedBy(event.ownerId());
        creation = new RecordCreation<>(event.details(), event.originatingLeadId());
    }
}
