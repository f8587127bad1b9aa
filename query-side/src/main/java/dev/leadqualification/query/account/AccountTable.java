package dev.leadqualification.query.account;

import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.query.readmodel.CustomerRecordTable;
import dev.leadqualification.query.readmodel.JsonColumns;
import dev.leadqualification.query.readmodel.ProjectionWrites;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code account_view}: accounts, searchable by name and e-mail. */
@Repository
public class AccountTable extends CustomerRecordTable<AccountDetails> {

    public AccountTable(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes, JsonColumns json) {
        super("account_view", "account_id", AccountDetails.class, jdbc, writes, json);
    }
}
