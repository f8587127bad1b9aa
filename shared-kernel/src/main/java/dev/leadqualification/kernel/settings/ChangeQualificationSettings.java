package dev.leadqualification.kernel.settings;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the organisation's settings. */
public record ChangeQualificationSettings(@TargetAggregateIdentifier String settingsId,
                                          QualificationSettings settings) {
}
