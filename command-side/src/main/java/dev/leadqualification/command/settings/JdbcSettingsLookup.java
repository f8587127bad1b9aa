package dev.leadqualification.command.settings;

import dev.leadqualification.command.lookup.CommandLookups;
import dev.leadqualification.kernel.settings.QualificationSettings;
import dev.leadqualification.kernel.settings.QualificationSettingsChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current settings, from a lookup row kept in the same transaction as each change, so a change takes
 * effect with the next command. Reading one row avoids loading (and locking) the settings aggregate on
 * every qualification.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class JdbcSettingsLookup implements SettingsLookup {

    private final JdbcTemplate jdbc;

    public JdbcSettingsLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public QualificationSettings current() {
        return jdbc.query("""
                        SELECT create_records_by_default, improved_duplicate_detection, duplicate_detection_enabled
                        FROM qualification_settings_lookup WHERE settings_id = ?""",
                (rs, row) -> new QualificationSettings(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)),
                QualificationSettings.ID).stream().findFirst().orElse(QualificationSettings.DEFAULTS);
    }

    @EventHandler
    void on(QualificationSettingsChanged event) {
        QualificationSettings settings = event.settings();
        jdbc.update("""
                INSERT INTO qualification_settings_lookup
                    (settings_id, create_records_by_default, improved_duplicate_detection, duplicate_detection_enabled)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (settings_id) DO UPDATE SET
                    create_records_by_default = EXCLUDED.create_records_by_default,
                    improved_duplicate_detection = EXCLUDED.improved_duplicate_detection,
                    duplicate_detection_enabled = EXCLUDED.duplicate_detection_enabled""",
                event.settingsId(), settings.createRecordsByDefault(), settings.improvedDuplicateDetection(),
                settings.duplicateDetectionEnabled());
    }
}
