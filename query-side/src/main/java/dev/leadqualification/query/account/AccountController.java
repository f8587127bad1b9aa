package dev.leadqualification.query.account;

import dev.leadqualification.platform.web.ApiProblem;
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

    private final AccountViews accounts;

    public AccountController(AccountViews accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/{accountId}")
    public AccountView account(@PathVariable String accountId) {
        return accounts.find(RecordIds.parse(accountId, "account"))
                .orElseThrow(() -> ApiProblem.notFound("account", accountId));
    }

    @GetMapping
    public Page<AccountView> accounts(@RequestParam(required = false) String q,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        return accounts.list(q, new PageRequest(page, size));
    }
}
