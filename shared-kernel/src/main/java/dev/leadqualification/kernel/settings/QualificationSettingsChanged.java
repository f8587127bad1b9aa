package dev.leadqualification.kernel.settings;

import org.axonframework.serialization.Revision;

/** An administrator changed the settings; {@code settings} is the complete new state. */
@Revision("1")
public record QualificationSettingsChanged(String settingsId, QualificationSettings settings) {
}
