package dev.leadqualification.command.settings;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.leadqualification.command.web.CommandAnswers;
import dev.leadqualification.kernel.settings.ChangeQualificationSettings;
import dev.leadqualification.kernel.settings.QualificationSettings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Objects;

/**
 * {@code GET/PUT /api/settings/lead-qualification} (ADMIN). A PUT may name only some settings: the others
 * keep their current value.
 */
@RestController
@RequestMapping(path = "/api/settings/lead-qualification", produces = "application/json")
public class SettingsController {

    private final CommandGateway commands;
    private final SettingsLookup settings;

    public SettingsController(CommandGateway commands, SettingsLookup settings) {
        this.commands = commands;
        this.settings = settings;
    }

    record SettingsChange(Boolean createRecordsByDefault, Boolean improvedDuplicateDetection,
                          Boolean duplicateDetectionEnabled) {
    }

    @GetMapping
    public QualificationSettings current() {
        return settings.current();
    }

    @PutMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> change(@RequestBody SettingsChange change) {
        QualificationSettings current = settings.current();
        QualificationSettings changed = new QualificationSettings(
                Objects.requireNonNullElse(change.createRecordsByDefault(), current.createRecordsByDefault()),
                Objects.requireNonNullElse(change.improvedDuplicateDetection(), current.improvedDuplicateDetection()),
                Objects.requireNonNullElse(change.duplicateDetectionEnabled(), current.duplicateDetectionEnabled()));
        commands.sendAndWait(new ChangeQualificationSettings(QualificationSettings.ID, changed));
        return CommandAnswers.noContent();
    }
}
