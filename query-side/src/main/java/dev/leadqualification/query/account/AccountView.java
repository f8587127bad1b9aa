package dev.leadqualification.query.account;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.query.readmodel.CustomerRecordTable;

import java.time.Instant;

/**
 * An account: its details at the top level, the lead it came from, if any, and its owner. Its {@code version} is the
 * sequence number of its last event applied (0 until it is assigned).
 */
public record AccountView(String accountId, @JsonUnwrapped AccountDetails details, String originatingLeadId,
                          String ownerId, Instant createdAt, String createdBy, long version) {

    static AccountView of(CustomerRecordTable.Row<AccountDetails> row) {
        return new AccountView(row.id(), row.details(), row.originatingLeadId(), row.ownerId(), row.createdAt(),
                row.createdBy(), row.version());
    }
}
