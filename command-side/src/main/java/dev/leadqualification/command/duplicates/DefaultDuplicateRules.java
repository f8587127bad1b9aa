package dev.leadqualification.command.duplicates;

import dev.leadqualification.kernel.duplicates.DefineDuplicateRule;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefinition;
import dev.leadqualification.kernel.duplicates.MatchOperator;
import dev.leadqualification.kernel.duplicates.PublishDuplicateRule;
import dev.leadqualification.kernel.duplicates.RuleCondition;
import dev.leadqualification.kernel.duplicates.RuleEntity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules every new database starts with, defined and published at the first start (fixed ids, so later
 * starts and other instances find them defined and do nothing; a default rule an administrator deleted stays
 * deleted).
 */
@Component
public class DefaultDuplicateRules implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultDuplicateRules.class);

    /** Rule id to definition, in the order they are listed. */
    static final Map<String, DuplicateRuleDefinition> RULES = new LinkedHashMap<>();

    static {
        RULES.put("00000000-0000-4000-8000-000000000001",
                rule("Accounts with the same account name", RuleEntity.ACCOUNT, "name"));
        RULES.put("00000000-0000-4000-8000-000000000002",
                rule("Accounts with the same e-mail address", RuleEntity.ACCOUNT, "email"));
        RULES.put("00000000-0000-4000-8000-000000000003",
                rule("Contacts with the same e-mail address", RuleEntity.CONTACT, "email"));
        RULES.put("00000000-0000-4000-8000-000000000004",
                rule("Contacts with the same first name and last name", RuleEntity.CONTACT, "firstName", "lastName"));
    }

    private final CommandGateway commands;

    public DefaultDuplicateRules(CommandGateway commands) {
        this.commands = commands;
    }

    private static DuplicateRuleDefinition rule(String name, RuleEntity entity, String... fields) {
        return new DuplicateRuleDefinition(name, entity,
                Arrays.stream(fields).map(field -> new RuleCondition(field, MatchOperator.EXACT, null)).toList(),
                false, true);
    }

    @Override
    public void run(ApplicationArguments args) {
        RULES.forEach((ruleId, definition) -> {
            try {
                boolean definedNow = commands.sendAndWait(new DefineDuplicateRule(ruleId, definition));
                if (definedNow) {
                    commands.sendAndWait(new PublishDuplicateRule(ruleId));
                }
            } catch (AggregateNotFoundException deleted) {
                log.debug("Default duplicate rule {} was deleted by an administrator; not restored", ruleId);
            } catch (ConcurrencyException | AggregateStreamCreationException anotherInstance) {
                log.debug("Default duplicate rule {} is being defined by another instance", ruleId);
            }
        });
    }
}
