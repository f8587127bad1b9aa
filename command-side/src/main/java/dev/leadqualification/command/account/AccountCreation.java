package dev.leadqualification.command.account;

import dev.leadqualification.command.directory.RecordCreation;
import dev.leadqualification.command.duplicates.DuplicateCheck;
import dev.leadqualification.command.duplicates.DuplicateDetector;
import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.command.web.DirectCreation;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.account.CreateAccount;
import dev.leadqualification.kernel.common.InvalidField;

import java.util.Optional;

/**
 * The rules of a new account, in one place: the {@link Account} aggregate decides every {@link CreateAccount} with
 * them (direct creates and the qualification saga's), and an import decides each of its lines with them, so a rule
 * or a field added here holds for imported accounts too.
 */
public final class AccountCreation {

    private AccountCreation() {
    }

    /** The command a direct create asks for: the body of {@code POST /api/accounts}, or a line of an import. */
    public static CreateAccount requestedBy(DirectCreation<AccountDetails> body, String ownerId) {
        return new CreateAccount(body.id(), body.details(), null, !body.suppressDuplicateDetection(), ownerId);
    }

    /**
     * The event that creates the account {@code command} asks for, given how the account under its id was created
     * ({@code existing}, null if there is none). None for the same create again (a retry, a redelivered saga step);
     * other details under the id: 409. A new account that matches a published duplicate rule is refused when the
     * command asks for the check.
     */
    public static Optional<AccountCreated> decide(CreateAccount command, RecordCreation<AccountDetails> existing,
                                                  DuplicateDetector detector, SettingsLookup settings) {
        if (existing != null) {
            existing.requireSameAs(new RecordCreation<>(command.details(), command.originatingLeadId()), "account",
                    command.accountId());
            return Optional.empty();
        }
        if (command.details().name() == null || command.details().name().isBlank()) {
            throw new InvalidField("name", "is required");
        }
        DuplicateCheck.refuseDuplicate(command.details(), null, command.checkDuplicates(), detector, settings);
        return Optional.of(new AccountCreated(command.accountId(), command.details(), command.originatingLeadId(),
                command.ownerId()));
    }

    /** How {@code event} created its account: what a create under the same id is compared with. */
    public static RecordCreation<AccountDetails> creationBy(AccountCreated event) {
        return new RecordCreation<>(event.details(), event.originatingLeadId());
    }
}
