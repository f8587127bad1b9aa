package dev.leadqualification.command.contact;

import dev.leadqualification.command.ownership.Owners;
import dev.leadqualification.command.web.RequestBodyShape;
import dev.leadqualification.platform.openapi.ProblemAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.leadqualification.command.web.CommandAnswers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.command.web.DirectCreation;
import dev.leadqualification.command.web.RequestBodies;
import dev.leadqualification.kernel.contact.ContactDetails;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/** {@code POST /api/contacts}: a contact created directly, optionally under an existing account. */
@RestController
public class ContactController {

    private final CommandGateway commands;
    private final RequestBodies bodies;
    private final Owners owners;

    public ContactController(CommandGateway commands, RequestBodies bodies, Owners owners) {
        this.commands = commands;
        this.bodies = bodies;
        this.owners = owners;
    }

    @PostMapping(path = "/api/contacts", consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestBodyShape(value = ContactDetails.class, plus = {"contactId", "suppressDuplicateDetection", "ownerId"})
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "duplicates-found", when = "The record may already exist: send it again with suppressDuplicateDetection to create it anyway.")
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "id-conflict", when = CommandAnswers.ID_TAKEN)
    public ResponseEntity<Map<String, String>> create(@RequestBody ObjectNode body) {
        String ownerId = owners.takeOwner(body);
        DirectCreation<ContactDetails> creation = DirectCreation.read(body, "contactId", ContactDetails.class, bodies);
        String contactId = commands.sendAndWait(creation.send(ContactCreation.requestedBy(creation, ownerId)));
        return CommandAnswers.created(URI.create("/api/contacts/" + contactId), Map.of("contactId", contactId));
    }
}
