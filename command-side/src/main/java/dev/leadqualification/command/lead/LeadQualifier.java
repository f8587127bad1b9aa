package dev.leadqualification.command.lead;

import dev.leadqualification.kernel.lead.NewRecordIds;
import dev.leadqualification.kernel.lead.QualifyLead;
import dev.leadqualification.kernel.lead.QualifyOptions;
import dev.leadqualification.kernel.qualification.QualifyOutcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.IdentifierFactory;
import org.springframework.stereotype.Component;

/** Sends a qualify command with fresh ids for the records it may create. */
@Component
public class LeadQualifier {

    private final CommandGateway commands;

    public LeadQualifier(CommandGateway commands) {
        this.commands = commands;
    }

    public QualifyOutcome qualify(String leadId, QualifyOptions options) {
        NewRecordIds ids = new NewRecordIds(newId(), newId(), newId(), newId());
        return commands.sendAndWait(new QualifyLead(leadId, options, ids));
    }

    private static String newId() {
        return IdentifierFactory.getInstance().generateIdentifier();
    }
}
