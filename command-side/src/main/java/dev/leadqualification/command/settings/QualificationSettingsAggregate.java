package dev.leadqualification.command.settings;

import dev.leadqualification.kernel.settings.ChangeQualificationSettings;
import dev.leadqualification.kernel.settings.QualificationSettings;
import dev.leadqualification.kernel.settings.QualificationSettingsChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The organisation's qualification settings (a singleton, id {@link QualificationSettings#ID}). Event-sourced
 * so that every administrator's change is history; before the first change the defaults apply.
 */
@Aggregate(type = "QualificationSettings")
public class QualificationSettingsAggregate {

    @AggregateIdentifier
    private String settingsId;
    private QualificationSettings settings = QualificationSettings.DEFAULTS;

    protected QualificationSettingsAggregate() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ChangeQualificationSettings command) {
        if (settingsId != null && settings.equals(command.settings())) {
            return;
        }
        apply(new QualificationSettingsChanged(command.settingsId(), command.settings()));
    }

    @EventSourcingHandler
    void on(QualificationSettingsChanged event) {
        settingsId = event.settingsId();
        settings = event.settings();
    }
}
