package dev.leadqualification.command.opportunity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.command.ownership.AssignmentController;
import dev.leadqualification.command.web.CommandAnswers;
import dev.leadqualification.command.web.RequestBodies;
import dev.leadqualification.command.web.RequestBodyShape;
import dev.leadqualification.kernel.opportunity.ChangeOpportunityStage;
import dev.leadqualification.kernel.opportunity.CloseOpportunity;
import dev.leadqualification.kernel.opportunity.OpportunityEdits;
import dev.leadqualification.kernel.opportunity.ReopenOpportunity;
import dev.leadqualification.kernel.opportunity.UpdateOpportunity;
import dev.leadqualification.platform.openapi.ProblemAnswer;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static dev.leadqualification.command.web.RequestBodies.pathId;

/** The opportunity commands of API.md: edit, move through the sales process, close as won or lost, reopen. */
@RestController
@RequestMapping(path = "/api/opportunities/{id}", produces = "application/json")
public class OpportunityController {

    private final CommandGateway commands;
    private final RequestBodies bodies;

    public OpportunityController(CommandGateway commands, RequestBodies bodies) {
        this.commands = commands;
        this.bodies = bodies;
    }

    /** A JSON merge patch: the fields present change ({@code null} clears); unknown field names are refused. */
    @PatchMapping(consumes = {"application/json", "application/merge-patch+json"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestBodyShape(OpportunityEdits.class)
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "opportunity-closed", when = OpportunityRules.CLOSED)
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = AssignmentController.NOT_OWNER)
    public ResponseEntity<Void> update(@PathVariable String id, @RequestBody ObjectNode body) {
        String opportunityId = pathId(id, "opportunity");
        RequestBodies.Patch<OpportunityEdits> patch =
                bodies.readPatch(body, OpportunityEdits.class, "opportunityId", "opportunity");
        commands.sendAndWait(new UpdateOpportunity(opportunityId, patch.values(), patch.fields()));
        return CommandAnswers.noContent();
    }

    @PostMapping(path = "/stage", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "opportunity-closed", when = OpportunityRules.CLOSED)
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = AssignmentController.NOT_OWNER)
    public ResponseEntity<Void> stage(@PathVariable String id, @Valid @RequestBody StageRequest request) {
        commands.sendAndWait(new ChangeOpportunityStage(pathId(id, "opportunity"), request.processStage()));
        return CommandAnswers.noContent();
    }

    @PostMapping(path = "/close", consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "opportunity-closed", when = OpportunityRules.CLOSED)
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = AssignmentController.NOT_OWNER)
    public ResponseEntity<Void> close(@PathVariable String id, @Valid @RequestBody CloseRequest request) {
        commands.sendAndWait(new CloseOpportunity(pathId(id, "opportunity"), request.outcome(),
                request.actualRevenue(), request.closeDate(), request.reason()));
        return CommandAnswers.noContent();
    }

    @PostMapping(path = "/reopen")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemAnswer(status = HttpStatus.CONFLICT, slug = "opportunity-open", when = OpportunityRules.OPEN)
    @ProblemAnswer(status = HttpStatus.FORBIDDEN, slug = "not-owner", when = AssignmentController.NOT_OWNER)
    public ResponseEntity<Void> reopen(@PathVariable String id) {
        commands.sendAndWait(new ReopenOpportunity(pathId(id, "opportunity")));
        return CommandAnswers.noContent();
    }
}
