package dev.leadqualification.platform.web;

import java.net.URI;

/** Problem {@code type} URIs: a fixed base plus the slug that API.md names (e.g. {@code .../lead-closed}). */
public final class ProblemTypes {

    public static final String BASE = "https://lead-qualification.dev/problems/";

    private ProblemTypes() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /** "lead-closed" becomes "Lead closed". */
    public static String title(String slug) {
        String words = slug.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
