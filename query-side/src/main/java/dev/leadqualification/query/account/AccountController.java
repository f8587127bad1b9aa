package dev.leadqualification.query.account;

import dev.leadqualification.query.consistency.MinVersionReads;
import dev.leadqualification.query.readmodel.OwnerParameter;
import dev.leadqualification.query.readmodel.Page;
import dev.leadqualification.query.readmodel.PageRequest;
import dev.leadqualification.query.readmodel.RecordIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/** {@code GET /api/accounts/{id}}, also with {@code ?minVersion=N}, and the account list. */
@RestController
@RequestMapping("/api/accounts")
public class AccountController {

    private final AccountTable accounts;
    private final MinVersionReads minVersionReads;

    public AccountController(AccountTable accounts, MinVersionReads minVersionReads) {
        this.accounts = accounts;
        this.minVersionReads = minVersionReads;
    }

    @GetMapping("/{accountId}")
    public AccountView account(@PathVariable String accountId) {
        return RecordIds.find(accountId, "account", id -> accounts.find(id).map(AccountView::of));
    }

    @GetMapping(value = "/{accountId}", params = MinVersionReads.PARAMETER)
    public CompletableFuture<ResponseEntity<Object>> account(@PathVariable String accountId,
                                                             @RequestParam(MinVersionReads.PARAMETER) String minVersion) {
        return minVersionReads.await("account", accountId, minVersion, id -> accounts.find(id).map(AccountView::of),
                AccountView::version);
    }

    @GetMapping
    public Page<AccountView> accounts(@RequestParam(name = OwnerParameter.NAME, required = false) String owner,
                                  @RequestParam(required = false) String q, PageRequest page) {
        return accounts.list(OwnerParameter.resolve(owner), q, page).map(AccountView::of);
    }
}
