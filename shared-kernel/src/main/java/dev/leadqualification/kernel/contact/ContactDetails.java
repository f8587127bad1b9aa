package dev.leadqualification.kernel.contact;

import dev.leadqualification.kernel.common.Address;
import dev.leadqualification.kernel.common.EmailAddress;
import dev.leadqualification.kernel.common.LeadSource;
import dev.leadqualification.kernel.common.RecordId;
import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.common.TextLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** A person, optionally working for an account ({@code parentAccountId}); {@code leadSource}: how they came to us. */
public record ContactDetails(
        @Text(max = TextLimits.NAME) String firstName,
        @NotBlank @Text(max = TextLimits.NAME) String lastName,
        @Text(max = TextLimits.NAME) String jobTitle,
        @EmailAddress String email,
        @Text(max = TextLimits.PHONE) String businessPhone,
        @Text(max = TextLimits.PHONE) String mobilePhone,
        @Valid Address address,
        @RecordId String parentAccountId,
        LeadSource leadSource) {

    public String fullName() {
        return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }
}
