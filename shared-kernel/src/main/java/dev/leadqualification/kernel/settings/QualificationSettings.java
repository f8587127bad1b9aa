package dev.leadqualification.kernel.settings;

/** The organisation's lead qualification settings. */
public record QualificationSettings(boolean createRecordsByDefault, boolean improvedDuplicateDetection,
                                    boolean duplicateDetectionEnabled) {

    public static final QualificationSettings DEFAULTS = new QualificationSettings(true, true, true);

    /** The settings aggregate is a singleton with this id. */
    public static final String ID = "lead-qualification";
}
