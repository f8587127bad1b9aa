package dev.leadqualification.query.account;

import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.query.readmodel.JsonColumns;
import dev.leadqualification.query.readmodel.Page;
import dev.leadqualification.query.readmodel.PageRequest;
import dev.leadqualification.query.readmodel.PagedQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import static dev.leadqualification.query.readmodel.SqlValues.instant;

/** Reads {@code account_view}. */
@Repository
public class AccountViews {

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonColumns json;

    public AccountViews(NamedParameterJdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<AccountView> find(UUID accountId) {
        return jdbc.query("SELECT * FROM account_view WHERE account_id = :accountId",
                new MapSqlParameterSource("accountId", accountId), (row, n) -> account(row)).stream().findFirst();
    }

    /** Newest first; {@code search} (name, e-mail) narrows the list when given. */
    public Page<AccountView> list(String search, PageRequest page) {
        return PagedQuery.over("account_view", "account_id").searching(search).fetch(jdbc, page, (row, n) -> account(row));
    }

    private AccountView account(ResultSet row) throws SQLException {
        return new AccountView(row.getString("account_id"), json.read(row, "details", AccountDetails.class),
                row.getString("originating_lead_id"), instant(row, "created_at"), row.getString("created_by"));
    }
}
