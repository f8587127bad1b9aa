package dev.leadqualification.command.lead;

import dev.leadqualification.command.support.LeadDetailsBuilder;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.common.LeadSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static dev.leadqualification.command.support.LeadSamples.usd;
import static org.assertj.core.api.Assertions.assertThat;

/** The merge patch: named fields take the new value (null clears), all others keep theirs. */
class LeadPatchTest {

    private static final LeadDetails CURRENT = LeadDetailsBuilder.full().build();

    @Test
    void theFieldsAPatchMayNameAreExactlyTheLeadFields() {
        assertThat(Lead.PATCH.fields()).containsExactlyInAnyOrder("topic", "firstName", "lastName", "jobTitle",
                "companyName", "email", "businessPhone", "mobilePhone", "website", "address", "description",
                "leadSource", "campaign", "estimatedValue", "estimatedCloseDate", "existingAccountId",
                "existingContactId");
    }

    @Test
    void takesTheNamedFieldsFromTheValues() {
        LeadDetails values = LeadDetailsBuilder.minimal().topic("Other topic").leadSource(LeadSource.WEB)
                .estimatedValue(usd("10.00")).estimatedCloseDate(LocalDate.of(2027, 1, 1)).build();

        LeadDetails patched = Lead.PATCH.apply(CURRENT, values, Set.of("leadSource", "estimatedValue"));

        assertThat(patched).isEqualTo(LeadDetailsBuilder.full().leadSource(LeadSource.WEB)
                .estimatedValue(usd("10.00")).build());
    }

    @Test
    void aNamedNullClearsTheField() {
        LeadDetails values = LeadDetailsBuilder.minimal().build();

        LeadDetails patched = Lead.PATCH.apply(CURRENT, values, Set.of("address", "estimatedCloseDate", "firstName"));

        assertThat(patched).isEqualTo(LeadDetailsBuilder.full().address(null).estimatedCloseDate(null)
                .firstName(null).build());
    }

    @Test
    void namingNoFieldKeepsEverything() {
        LeadDetails patched = Lead.PATCH.apply(CURRENT, LeadDetailsBuilder.minimal().topic(null).build(), Set.of());

        assertThat(patched).isEqualTo(CURRENT);
    }

    @Test
    void namingEveryFieldTakesTheValuesWhole() {
        LeadDetails values = LeadDetailsBuilder.minimal().topic("New").lastName("Smit").build();

        assertThat(Lead.PATCH.apply(CURRENT, values, Lead.PATCH.fields())).isEqualTo(values);
    }
}
