package dev.leadqualification.kernel.common;

/** A postal address, as leads, accounts and contacts carry it. */
public record Address(
        @Text(max = TextLimits.LINE) String line1,
        @Text(max = TextLimits.LINE) String line2,
        @Text(max = TextLimits.NAME) String city,
        @Text(max = TextLimits.NAME) String stateOrProvince,
        @Text(max = TextLimits.CODE) String postalCode,
        @Text(max = TextLimits.NAME) String country) {
}
