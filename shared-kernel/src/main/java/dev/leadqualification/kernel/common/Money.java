package dev.leadqualification.kernel.common;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** An amount in an ISO 4217 currency, e.g. {@code {"amount": 1234.50, "currency": "EUR"}}. */
public record Money(
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @NotNull @CurrencyCode String currency) {
}
