package dev.leadqualification.command.support;

import dev.leadqualification.kernel.duplicates.DuplicateMatch;

import java.time.Instant;
import java.util.List;

/** Existing records that duplicate the full lead's company and person. */
public final class DuplicateSamples {

    public static final String MATCHED_ACCOUNT_ID = "d0000000-0000-4000-8000-0000000000a1";
    public static final String MATCHED_CONTACT_ID = "d0000000-0000-4000-8000-0000000000c1";

    public static final DuplicateMatch CONTOSO_MATCH = new DuplicateMatch(MATCHED_ACCOUNT_ID, "Contoso Ltd",
            "info@contoso.com", "+34 600 000 000", "Madrid", Instant.parse("2026-01-02T03:04:05Z"),
            List.of("Accounts with the same account name"));
    public static final DuplicateMatch ANA_MATCH = new DuplicateMatch(MATCHED_CONTACT_ID, "Ana Lopez",
            "ana@contoso.com", null, "Madrid", Instant.parse("2026-01-02T03:04:06Z"),
            List.of("Contacts with the same e-mail address"));

    private DuplicateSamples() {
    }
}
