package dev.leadqualification.query.account;

import dev.leadqualification.query.readmodel.Page;
import dev.leadqualification.query.readmodel.PageRequest;
import dev.leadqualification.query.readmodel.RecordIds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/accounts/{id}} and the account list. */
@RestController
@RequestMapping("/api/accounts")
public class AccountController {

    private final AccountTable accounts;

    public AccountController(AccountTable accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/{accountId}")
    public AccountView account(@PathVariable String accountId) {
        return RecordIds.find(accountId, "account", id -> accounts.find(id).map(AccountView::of));
    }

    @GetMapping
    public Page<AccountView> accounts(@RequestParam(required = false) String q, PageRequest page) {
        return accounts.list(q, page).map(AccountView::of);
    }
}
