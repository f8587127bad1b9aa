package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.common.Address;
import dev.leadqualification.kernel.common.EmailAddress;
import dev.leadqualification.kernel.common.HttpUrl;
import dev.leadqualification.kernel.common.LeadSource;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.RecordId;
import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.common.TextLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import java.time.LocalDate;

/**
 * What a salesperson knows about a prospect. {@code topic} and {@code lastName} are required on every lead
 * (checked on create by the {@link OnCreate} group, kept by the Lead aggregate when a patch clears them);
 * the other annotations are format rules checked at the API edge.
 */
public record LeadDetails(
        @NotBlank(groups = OnCreate.class) @Text(max = TextLimits.TITLE) String topic,
        @Text(max = TextLimits.NAME) String firstName,
        @NotBlank(groups = OnCreate.class) @Text(max = TextLimits.NAME) String lastName,
        @Text(max = TextLimits.NAME) String jobTitle,
        @Text(max = TextLimits.TITLE) String companyName,
        @EmailAddress String email,
        @Text(max = TextLimits.PHONE) String businessPhone,
        @Text(max = TextLimits.PHONE) String mobilePhone,
        @HttpUrl @Text(max = TextLimits.URL) String website,
        @Valid Address address,
        @Text(max = TextLimits.LONG_TEXT, multiline = true) String description,
        LeadSource leadSource,
        @Text(max = TextLimits.NAME) String campaign,
        @Valid Money estimatedValue,
        LocalDate estimatedCloseDate,
        @RecordId String existingAccountId,
        @RecordId String existingContactId) {

    /** "First Last", or the last name alone. */
    public String fullName() {
        return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }

    /** Validation group of the rules that apply when a lead is created. */
    public interface OnCreate {
    }

    public boolean hasCompany() {
        return companyName != null && !companyName.isBlank();
    }
}
