package dev.leadqualification.command.account;

import dev.leadqualification.command.ownership.Owners;
import dev.leadqualification.command.web.RequestBodyShape;
import dev.leadqualification.platform.openapi.ProblemAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.leadqualification.command.web.CommandAnswers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.command.web.DirectCreation;
import dev.leadqualification.command.web.RequestBodies;
import dev.leadqualification.kernel.account.AccountDetails;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/** {@code POST /api/accounts}: an account created directly, as a CRM user would. */
@RestController
public class AccountController {

    private final CommandGateway commands;
    private final RequestBodies bodies;
    private final Owners owners;

    public AccountController(CommandGateway commands, RequestBodies bodies, Owners owners) {
        this.commands = commands;
        this.bodies = bodies;
        this.owners = owners;
    }

    @PostMapping(path = "/api/accounts", consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestBodyShape(value = AccountDetails.class, plus = {"accountId", "suppressDuplicateDetection", "ownerId"})
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "duplicates-found", when = "The record may already exist: send it again with suppressDuplicateDetection to create it anyway.")
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "id-conflict", when = CommandAnswers.ID_TAKEN)
    public ResponseEntity<Map<String, String>> create(@RequestBody ObjectNode body) {
        String ownerId = owners.takeOwner(body);
        DirectCreation<AccountDetails> creation = DirectCreation.read(body, "accountId", AccountDetails.class, bodies);
        String accountId = commands.sendAndWait(creation.send(AccountCreation.requestedBy(creation, ownerId)));
        return CommandAnswers.created(URI.create("/api/accounts/" + accountId), Map.of("accountId", accountId));
    }
}
