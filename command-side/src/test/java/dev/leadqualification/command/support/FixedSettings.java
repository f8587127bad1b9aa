package dev.leadqualification.command.support;

import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.kernel.settings.QualificationSettings;

/** Settings a test can change between steps; the defaults of API.md until it does. */
public final class FixedSettings implements SettingsLookup {

    private QualificationSettings settings = QualificationSettings.DEFAULTS;

    public void createRecordsByDefault(boolean createRecordsByDefault) {
        settings = new QualificationSettings(createRecordsByDefault, settings.improvedDuplicateDetection(),
                settings.duplicateDetectionEnabled());
    }

    public void duplicateDetection(boolean enabled, boolean improved) {
        settings = new QualificationSettings(settings.createRecordsByDefault(), improved, enabled);
    }

    @Override
    public QualificationSettings current() {
        return settings;
    }
}
