package dev.leadqualification.kernel.account;

import dev.leadqualification.kernel.common.Address;
import dev.leadqualification.kernel.common.EmailAddress;
import dev.leadqualification.kernel.common.HttpUrl;
import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.common.TextLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** A company the organisation does business with. */
public record AccountDetails(
        @NotBlank @Text(max = TextLimits.TITLE) String name,
        @EmailAddress String email,
        @Text(max = TextLimits.PHONE) String phone,
        @HttpUrl @Text(max = TextLimits.URL) String website,
        @Valid Address address) {
}
