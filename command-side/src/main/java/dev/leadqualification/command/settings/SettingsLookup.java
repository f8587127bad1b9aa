package dev.leadqualification.command.settings;

import dev.leadqualification.kernel.settings.QualificationSettings;

/** The organisation's current qualification settings, as the command handlers need them. */
public interface SettingsLookup {

    QualificationSettings current();
}
