package dev.leadqualification.query.readmodel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The text a list's {@code q} searches: the searchable fields lower-cased into one column, matched with
 * {@code LIKE '%term%'} so that the column's trigram index serves it.
 */
public final class SearchText {

    private SearchText() {
    }

    /** The search column's value: the non-blank parts, lower-cased, separated by spaces. */
    public static String of(String... parts) {
        return Arrays.stream(parts)
                .filter(Objects::nonNull)
                .filter(part -> !part.isBlank())
                .map(SearchText::normalise)
                .collect(Collectors.joining(" "));
    }

    /** The LIKE pattern matching {@code term} anywhere, its own wildcards taken literally. */
    public static String containing(String term) {
        String escaped = normalise(term).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static String normalise(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
