package dev.leadqualification.command.duplicates;

import dev.leadqualification.kernel.duplicates.CompleteDuplicateRulePublication;
import dev.leadqualification.kernel.duplicates.DuplicateRulePublicationStarted;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a rule in the background: computes the match code of every existing record under it, page by page,
 * then completes the publication so the rule takes effect. Records created meanwhile get their codes from
 * {@link MatchCodeIndex}, so none is missed. A redelivered or outdated request (the rule was published,
 * unpublished or deleted since) does nothing.
 */
@Component
@ProcessingGroup(RulePublisher.PROCESSING_GROUP)
public class RulePublisher {

    public static final String PROCESSING_GROUP = "duplicate-rule-publication";
    private static final int PAGE_SIZE = 1_000;

    private final JdbcTemplate jdbc;
    private final DuplicateRules rules;
    private final MatchCodeIndex index;
    private final CommandGateway commands;

    public RulePublisher(JdbcTemplate jdbc, DuplicateRules rules, MatchCodeIndex index, CommandGateway commands) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.index = index;
        this.commands = commands;
    }

    @EventHandler
    void on(DuplicateRulePublicationStarted event) {
        if (!rules.isPublishing(event.ruleId())) {
            return;
        }
        DirectoryTable directory = DirectoryTable.of(event.definition().entity());
        String page = "SELECT * FROM " + directory.table + " WHERE " + directory.idColumn + " > ? ORDER BY "
                + directory.idColumn + " LIMIT " + PAGE_SIZE;
        String after = "";
        while (after != null) {
            List<Object[]> codes = new ArrayList<>();
            List<String> ids = jdbc.query(page, (row, n) -> {
                String recordId = row.getString(directory.idColumn);
                MatchCodes.of(event.definition(), directory.fields(row))
                        .ifPresent(code -> codes.add(new Object[]{event.ruleId(), code, recordId}));
                return recordId;
            }, after);
            index.insert(codes);
            after = ids.size() < PAGE_SIZE ? null : ids.get(ids.size() - 1);
        }
        commands.sendAndWait(new CompleteDuplicateRulePublication(event.ruleId()));
    }
}
