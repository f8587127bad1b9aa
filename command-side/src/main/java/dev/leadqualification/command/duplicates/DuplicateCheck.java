package dev.leadqualification.command.duplicates;

import dev.leadqualification.command.settings.SettingsLookup;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.duplicates.DuplicateExperience;
import dev.leadqualification.kernel.duplicates.DuplicatesFound;
import dev.leadqualification.kernel.duplicates.DuplicatesFoundException;
import dev.leadqualification.kernel.settings.QualificationSettings;

import java.util.List;

/** The check the command handlers run before creating an account or contact, as the settings say. */
public final class DuplicateCheck {

    private DuplicateCheck() {
    }

    public static boolean enabled(QualificationSettings settings, Boolean suppressed) {
        return settings.duplicateDetectionEnabled() && !Boolean.TRUE.equals(suppressed);
    }

    public static DuplicateExperience experience(QualificationSettings settings) {
        return settings.improvedDuplicateDetection()
                ? DuplicateExperience.MAY_ALREADY_EXIST : DuplicateExperience.DUPLICATE_WARNING;
    }

    /**
     * Refuses a direct create (account or contact, the other null) that matches, when asked and enabled. The
     * settings are read only when the check is asked for (a qualification's records are not checked again).
     */
    public static void refuseDuplicate(AccountDetails account, ContactDetails contact, boolean requested,
                                       DuplicateDetector detector, SettingsLookup settingsLookup) {
        if (!requested) {
            return;
        }
        QualificationSettings settings = settingsLookup.current();
        if (enabled(settings, false)) {
            DuplicatesFound found = of(account, contact, detector, settings);
            if (found.any()) {
                throw new DuplicatesFoundException(found);
            }
        }
    }

    /** The matches of the records about to be created (either may be null: not created). */
    public static DuplicatesFound of(AccountDetails account, ContactDetails contact, DuplicateDetector detector,
                                     QualificationSettings settings) {
        return new DuplicatesFound(experience(settings),
                account == null ? List.of() : detector.accountMatches(account),
                contact == null ? List.of() : detector.contactMatches(contact));
    }
}
