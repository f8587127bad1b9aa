package dev.leadqualification.query.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.query.readmodel.CustomerRecordTable;

import java.time.Instant;

/**
 * An account: its details at the top level, and the lead it came from, if any. Its {@code version} is always
 * {@value #VERSION}: one event (sequence number 0) creates an account and no event changes it.
 */
public record AccountView(String accountId, @JsonUnwrapped AccountDetails details, String originatingLeadId,
                          Instant createdAt, String createdBy, long version) {

    static final long VERSION = 0;

    static AccountView of(CustomerRecordTable.Row<AccountDetails> row) {
        return new AccountView(row.id(), row.details(), row.originatingLeadId(), row.createdAt(), row.createdBy(),
                VERSION);
    }
}
