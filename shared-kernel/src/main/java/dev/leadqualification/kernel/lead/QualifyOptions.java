package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.common.CurrencyCode;
import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.common.TextLimits;
import jakarta.validation.Valid;

/**
 * What the salesperson chose when qualifying. Every field is optional: where no {@code create*} flag is
 * given the organisation's setting decides; where any is given, an absent one counts as false. {@code ownerId}: who
 * owns the records it creates (a user name), else the lead's owner.
 */
public record QualifyOptions(
        Boolean createAccount,
        Boolean createContact,
        Boolean createOpportunity,
        Boolean suppressDuplicateDetection,
        @Valid DuplicateResolution duplicateResolution,
        @CurrencyCode String opportunityCurrency,
        @Text(max = TextLimits.NAME) String ownerId) {

    public static final QualifyOptions DEFAULTS = new QualifyOptions(null, null, null, null, null, null, null);

    public boolean recordsChosen() {
        return createAccount != null || createContact != null || createOpportunity != null;
    }
}
