package dev.leadqualification.command.ownership;

import dev.leadqualification.command.web.CommandAnswers;
import dev.leadqualification.kernel.account.AssignAccount;
import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.common.TextLimits;
import dev.leadqualification.kernel.contact.AssignContact;
import dev.leadqualification.kernel.lead.AssignLead;
import dev.leadqualification.kernel.opportunity.AssignOpportunity;
import dev.leadqualification.platform.openapi.ProblemAnswer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.BiFunction;

import static dev.leadqualification.command.web.RequestBodies.pathId;

/** {@code POST /api/{leads|accounts|contacts|opportunities}/{id}/assign}: gives the record to another owner. */
@RestController
public class AssignmentController {

    /** The 403 of a change by someone who neither owns the record nor is an ADMIN, for the API description. */
    public static final String NOT_OWNER = "The record belongs to another user: only its owner or an ADMIN may change it.";

    private final CommandGateway commands;
    private final Owners owners;

    public AssignmentController(CommandGateway commands, Owners owners) {
        this.commands = commands;
        this.owners = owners;
    }

    record AssignRequest(@NotBlank @Text(max = TextLimits.NAME) String ownerId) {
    }

    @PostMapping(path = "/api/leads/{id}/assign", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = NOT_OWNER)
    public ResponseEntity<Void> lead(@PathVariable String id, @Valid @RequestBody AssignRequest request) {
        return assign(pathId(id, "lead"), request, AssignLead::new);
    }

    @PostMapping(path = "/api/accounts/{id}/assign", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = NOT_OWNER)
    public ResponseEntity<Void> account(@PathVariable String id, @Valid @RequestBody AssignRequest request) {
        return assign(pathId(id, "account"), request, AssignAccount::new);
    }

    @PostMapping(path = "/api/contacts/{id}/assign", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = NOT_OWNER)
    public ResponseEntity<Void> contact(@PathVariable String id, @Valid @RequestBody AssignRequest request) {
        return assign(pathId(id, "contact"), request, AssignContact::new);
    }

    @PostMapping(path = "/api/opportunities/{id}/assign", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = NOT_OWNER)
    public ResponseEntity<Void> opportunity(@PathVariable String id, @Valid @RequestBody AssignRequest request) {
        return assign(pathId(id, "opportunity"), request, AssignOpportunity::new);
    }

    private ResponseEntity<Void> assign(String recordId, AssignRequest request,
                                        BiFunction<String, String, Object> command) {
        commands.sendAndWait(command.apply(recordId, owners.check(Owners.FIELD, request.ownerId())));
        return CommandAnswers.noContent();
    }
}
