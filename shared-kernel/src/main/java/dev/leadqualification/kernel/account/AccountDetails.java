package dev.leadqualification.kernel.account;

import dev.leadqualification.kernel.common.Address;
import dev.leadqualification.kernel.common.EmailAddress;
import dev.leadqualification.kernel.common.HttpUrl;
import dev.leadqualification.kernel.common.TextLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A company the organisation does business with. */
public record AccountDetails(
        @NotBlank @Size(max = TextLimits.TITLE) String name,
        @EmailAddress String email,
        @Size(max = TextLimits.PHONE) String phone,
        @HttpUrl @Size(max = TextLimits.URL) String website,
        @Valid Address address) {
}
