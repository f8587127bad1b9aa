package dev.leadqualification.kernel.settings;

/** An administrator changed the settings; {@code settings} is the complete new state. */
public record QualificationSettingsChanged(String settingsId, QualificationSettings settings) {
}
