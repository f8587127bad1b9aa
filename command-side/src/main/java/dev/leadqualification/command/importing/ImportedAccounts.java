package dev.leadqualification.command.importing;

import dev.leadqualification.command.account.Account;
import dev.leadqualification.command.account.AccountCreation;
import dev.leadqualification.command.duplicates.DuplicateDetector;
import dev.leadqualification.command.duplicates.RecordFields;
import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.command.web.DirectCreation;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;
import dev.leadqualification.kernel.duplicates.RuleEntity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Accounts, imported as {@code POST /api/accounts} creates them. */
final class ImportedAccounts implements ImportedType<AccountDetails> {

    static final ImportedAccounts TYPE = new ImportedAccounts();

    private ImportedAccounts() {
    }

    @Override
    public String idField() {
        return "accountId";
    }

    @Override
    public Class<AccountDetails> detailsType() {
        return AccountDetails.class;
    }

    @Override
    public Class<?> aggregate() {
        return Account.class;
    }

    @Override
    public Optional<AccountCreated> decide(DirectCreation<AccountDetails> line, String ownerId, Object storedCreation,
                                           Predicate<String> accountExists, DuplicateDetector detector,
                                           SettingsLookup settings) {
        return AccountCreation.decide(AccountCreation.requestedBy(line, ownerId),
                storedCreation == null ? null : AccountCreation.creationBy((AccountCreated) storedCreation),
                detector, settings);
    }

    @Override
    public String recordName() {
        return "account";
    }

    @Override
    public RuleEntity ruleEntity() {
        return RuleEntity.ACCOUNT;
    }

    @Override
    public Map<String, String> ruleFields(AccountDetails details) {
        return RecordFields.of(details);
    }

    @Override
    public String parentAccountId(AccountDetails details) {
        return null;
    }

    @Override
    public DuplicateMatch asMatch(String id, AccountDetails details, Instant createdAt, List<String> matchedRules) {
        return new DuplicateMatch(id, details.name(), details.email(), details.phone(),
                details.address() == null ? null : details.address().city(), createdAt, matchedRules);
    }
}
