package dev.leadqualification.command.importing;

import dev.leadqualification.command.account.Account;
import dev.leadqualification.command.directory.JdbcCustomerDirectory;
import dev.leadqualification.command.directory.RecordCreation;
import dev.leadqualification.command.duplicates.RecordFields;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.duplicates.DuplicateExperience;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;
import dev.leadqualification.kernel.duplicates.DuplicatesFound;
import dev.leadqualification.kernel.duplicates.RuleEntity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    public Object createdEvent(String id, AccountDetails details, String ownerId) {
        return new AccountCreated(id, details, null, ownerId);
    }

    @Override
    public RecordCreation<AccountDetails> creationBy(Object createdEvent) {
        AccountCreated created = (AccountCreated) createdEvent;
        return new RecordCreation<>(created.details(), created.originatingLeadId());
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

    @Override
    public DuplicatesFound duplicatesFound(DuplicateExperience experience, List<DuplicateMatch> matches) {
        return new DuplicatesFound(experience, matches, List.of());
    }

    @Override
    public void list(JdbcCustomerDirectory directory, List<JdbcCustomerDirectory.Listing<AccountDetails>> records) {
        directory.addAccounts(records);
    }
}
