package dev.leadqualification.command.lead;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.command.ownership.AssignmentController;
import dev.leadqualification.command.ownership.Owners;
import dev.leadqualification.command.web.CommandAnswers;
import dev.leadqualification.command.web.RequestBodies;
import dev.leadqualification.command.web.RequestBodyShape;
import dev.leadqualification.kernel.duplicates.DuplicatesFound;
import dev.leadqualification.kernel.duplicates.DuplicatesFoundException;
import dev.leadqualification.kernel.lead.CreateLead;
import dev.leadqualification.kernel.lead.DisqualifyLead;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.QualificationResult;
import dev.leadqualification.kernel.lead.QualifyOptions;
import dev.leadqualification.kernel.lead.ReactivateLead;
import dev.leadqualification.kernel.lead.UpdateLead;
import dev.leadqualification.kernel.lead.UpdateQualificationDetails;
import dev.leadqualification.kernel.qualification.QualificationDetails;
import dev.leadqualification.kernel.qualification.QualifyOutcome;
import dev.leadqualification.platform.openapi.ProblemAnswer;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

import static dev.leadqualification.command.web.RequestBodies.pathId;

/** The lead commands of API.md: create, patch, qualification details, disqualify, reactivate. */
@RestController
@RequestMapping(path = "/api/leads", produces = "application/json")
public class LeadController {

    static final String CLOSED =
            "The lead is closed: a qualified or disqualified lead can't be changed. Reactivate it first.";

    private final CommandGateway commands;
    private final RequestBodies bodies;
    private final LeadQualifier qualifier;
    private final Owners owners;

    public LeadController(CommandGateway commands, RequestBodies bodies, LeadQualifier qualifier, Owners owners) {
        this.commands = commands;
        this.bodies = bodies;
        this.qualifier = qualifier;
        this.owners = owners;
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestBodyShape(value = LeadDetails.class, plus = {"leadId", "ownerId"}, required = {"topic", "lastName"})
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "id-conflict", when = CommandAnswers.ID_TAKEN)
    public ResponseEntity<Map<String, String>> create(@RequestBody ObjectNode body) {
        String leadId = bodies.takeId(body, "leadId");
        String ownerId = owners.takeOwner(body);
        LeadDetails details = bodies.readValid(body, LeadDetails.class, LeadDetails.OnCreate.class);
        String created = commands.sendAndWait(new CreateLead(leadId, details, ownerId));
        return CommandAnswers.created(URI.create("/api/leads/" + created), Map.of("leadId", created));
    }

    /** A JSON merge patch: the fields present change ({@code null} clears); unknown field names are refused. */
    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestBodyShape(LeadDetails.class)
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "lead-closed", when = CLOSED)
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = AssignmentController.NOT_OWNER)
    public ResponseEntity<Void> update(@PathVariable String id, @RequestBody ObjectNode body) {
        String leadId = pathId(id, "lead");
        RequestBodies.Patch<LeadDetails> patch = bodies.readPatch(body, LeadDetails.class, "leadId", "lead");
        commands.sendAndWait(new UpdateLead(leadId, patch.values(), patch.fields()));
        return CommandAnswers.noContent();
    }

    @PutMapping(path = "/{id}/qualification-details", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "lead-closed", when = CLOSED)
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = AssignmentController.NOT_OWNER)
    public ResponseEntity<Void> qualificationDetails(@PathVariable String id,
                                                     @Valid @RequestBody QualificationDetails details) {
        commands.sendAndWait(new UpdateQualificationDetails(pathId(id, "lead"), details));
        return CommandAnswers.noContent();
    }

    /** 200 with the decided ids, or 409 {@code duplicates-found} with the matches (recorded; the lead stays open). */
    @PostMapping(path = "/{id}/qualify")
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "lead-closed", when = CLOSED)
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "duplicates-found", when = "The record may already exist: link one of the matches (duplicateResolution USE_EXISTING), or create it anyway (CREATE_NEW).")
    @ProblemAnswer(status = HttpStatus.UNPROCESSABLE_ENTITY, slug = "record-selection-required",
            when = "Choose which records to create: the organisation does not create them by default.")
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = AssignmentController.NOT_OWNER)
    public ResponseEntity<QualificationResult> qualify(@PathVariable String id,
                                       @Valid @RequestBody(required = false) QualifyOptions options) {
        QualifyOptions chosen = Objects.requireNonNullElse(options, QualifyOptions.DEFAULTS);
        owners.check(Owners.FIELD, chosen.ownerId());
        QualifyOutcome outcome = qualifier.qualify(pathId(id, "lead"), chosen);
        if (outcome instanceof DuplicatesFound duplicates) {
            throw new DuplicatesFoundException(duplicates);
        }
        return CommandAnswers.ok((QualificationResult) outcome);
    }

    @PostMapping(path = "/{id}/disqualify", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "lead-closed", when = CLOSED)
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "lead-has-opportunity", when = LeadRules.HAS_OPEN_OPPORTUNITY)
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = AssignmentController.NOT_OWNER)
    public ResponseEntity<Void> disqualify(@PathVariable String id, @Valid @RequestBody DisqualifyRequest request) {
        commands.sendAndWait(new DisqualifyLead(pathId(id, "lead"), request.reason(), request.description()));
        return CommandAnswers.noContent();
    }

    @PostMapping(path = "/{id}/reactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "lead-open", when = "The lead is already open.")
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = AssignmentController.NOT_OWNER)
    public ResponseEntity<Void> reactivate(@PathVariable String id) {
        commands.sendAndWait(new ReactivateLead(pathId(id, "lead")));
        return CommandAnswers.noContent();
    }
}
