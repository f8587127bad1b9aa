package dev.leadqualification.benchmark.report;

import java.util.Locale;

/** Figures as people read them: thousands separated, few decimals for small values. */
final class Numbers {

    private Numbers() {
    }

    static String format(Double value) {
        if (value == null) {
            return "—";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
