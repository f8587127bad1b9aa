package dev.leadqualification.command.duplicates;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.leadqualification.command.web.CommandAnswers;
import dev.leadqualification.kernel.duplicates.DefineDuplicateRule;
import dev.leadqualification.kernel.duplicates.DeleteDuplicateRule;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefinition;
import dev.leadqualification.kernel.duplicates.DuplicateRuleStatus;
import dev.leadqualification.kernel.duplicates.PublishDuplicateRule;
import dev.leadqualification.kernel.duplicates.RuleCondition;
import dev.leadqualification.kernel.duplicates.RuleEntity;
import dev.leadqualification.kernel.duplicates.UnpublishDuplicateRule;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.IdentifierFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.leadqualification.command.web.RequestBodies.pathId;

/** Duplicate detection rules (ADMIN): define, publish, unpublish, delete, list. */
@RestController
@RequestMapping(path = "/api/duplicate-rules", produces = "application/json")
public class DuplicateRuleController {

    private final CommandGateway commands;
    private final DuplicateRules rules;

    public DuplicateRuleController(CommandGateway commands, DuplicateRules rules) {
        this.commands = commands;
        this.rules = rules;
    }

    /** A rule as listed: its definition, flattened, with its id and status. */
    record RuleView(String ruleId, String name, RuleEntity entity, List<RuleCondition> conditions, boolean caseSensitive,
                    boolean ignoreBlankValues, DuplicateRuleStatus status, boolean published) {

        static RuleView of(DuplicateRules.StoredRule rule) {
            DuplicateRuleDefinition definition = rule.definition();
            return new RuleView(rule.ruleId(), definition.name(), definition.entity(), definition.conditions(),
                    definition.caseSensitive(), definition.ignoreBlankValues(), rule.status(),
                    rule.status() == DuplicateRuleStatus.PUBLISHED);
        }
    }

    @GetMapping
    public List<RuleView> list() {
        return rules.all().stream().map(RuleView::of).toList();
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<Map<String, String>> define(@Valid @RequestBody DuplicateRuleDefinition definition) {
        String ruleId = IdentifierFactory.getInstance().generateIdentifier();
        commands.sendAndWait(new DefineDuplicateRule(ruleId, definition));
        return CommandAnswers.created(URI.create("/api/duplicate-rules/" + ruleId), Map.of("ruleId", ruleId));
    }

    /** 202: match codes for the existing records are computed in the background; then the rule takes effect. */
    @PostMapping("/{id}/publish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ResponseEntity<Void> publish(@PathVariable String id) {
        commands.sendAndWait(new PublishDuplicateRule(pathId(id, "duplicate rule")));
        return CommandAnswers.accepted();
    }

    @PostMapping("/{id}/unpublish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ResponseEntity<Void> unpublish(@PathVariable String id) {
        commands.sendAndWait(new UnpublishDuplicateRule(pathId(id, "duplicate rule")));
        return CommandAnswers.accepted();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> delete(@PathVariable String id) {
        commands.sendAndWait(new DeleteDuplicateRule(pathId(id, "duplicate rule")));
        return CommandAnswers.noContent();
    }
}
