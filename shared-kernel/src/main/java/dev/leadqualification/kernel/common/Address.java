package dev.leadqualification.kernel.common;

import jakarta.validation.constraints.Size;

/** A postal address, as leads, accounts and contacts carry it. */
public record Address(
        @Size(max = TextLimits.LINE) String line1,
        @Size(max = TextLimits.LINE) String line2,
        @Size(max = TextLimits.NAME) String city,
        @Size(max = TextLimits.NAME) String stateOrProvince,
        @Size(max = TextLimits.CODE) String postalCode,
        @Size(max = TextLimits.NAME) String country) {
}
