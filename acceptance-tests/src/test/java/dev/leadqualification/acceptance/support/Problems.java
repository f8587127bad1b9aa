package dev.leadqualification.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on error answers: RFC 9457 problems with the slugs of API.md, and nothing internal in them. */
public final class Problems {

    public static final String TYPE_BASE = "https://lead-qualification.dev/problems/";

    /** The default duplicate rules of API.md, by the names {@code matchedRules} gives. */
    public static final String SAME_ACCOUNT_NAME = "Accounts with the same account name";
    public static final String SAME_ACCOUNT_EMAIL = "Accounts with the same e-mail address";
    public static final String SAME_CONTACT_EMAIL = "Contacts with the same e-mail address";
    public static final String SAME_CONTACT_NAME = "Contacts with the same first name and last name";

    /** A Java stack frame ("at dev.x.Y.method(Y.java:12)") or an exception class name. */
    private static final Pattern INTERNALS = Pattern.compile("(\\bat [\\w.$]+\\([\\w.]*(:\\d+)?\\))|Exception\\b|\\tat ");

    private Problems() {
    }

    /** A problem answer with this status and {@code type} ending in {@code slug}; returns its body. */
    public static JsonNode assertProblem(Reply reply, int status, String slug) {
        JsonNode problem = assertProblem(reply, status);
        assertThat(problem.path("type").asText()).as("problem type of %s", reply).isEqualTo(TYPE_BASE + slug);
        return problem;
    }

    /** A problem answer with this status (API.md names no slug for it); returns its body. */
    public static JsonNode assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).as("content type of %s", reply).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).as("problem status in %s", reply).isEqualTo(status);
        assertThat(problem.path("type").asText()).as("problem type of %s", reply).startsWith(TYPE_BASE);
        assertThat(problem.path("title").asText()).as("problem title of %s", reply).isNotBlank();
        assertThat(INTERNALS.matcher(reply.text()).find()).as("stack trace or exception in %s", reply).isFalse();
        assertThat(problem.has("trace") || problem.has("exception")).as("internals in %s", reply).isFalse();
        return problem;
    }

    /**
     * A 409 {@code duplicates-found} problem shown in {@code experience} ({@code MAY_ALREADY_EXIST} or
     * {@code DUPLICATE_WARNING}), with both lists of matches; returns its body.
     */
    public static JsonNode assertDuplicatesFound(Reply reply, String experience) {
        JsonNode problem = assertProblem(reply, 409, "duplicates-found");
        assertThat(problem.path("experience").asText()).as("experience of %s", reply).isEqualTo(experience);
        assertThat(problem.path("matchedAccounts").isArray()).as("matchedAccounts of %s", reply).isTrue();
        assertThat(problem.path("matchedContacts").isArray()).as("matchedContacts of %s", reply).isTrue();
        return problem;
    }

    /** The match whose {@code idField} ({@code accountId} or {@code contactId}) is {@code id}, which must be among them. */
    public static JsonNode match(JsonNode matches, String idField, String id) {
        for (JsonNode match : matches) {
            if (id.equals(match.path(idField).asText())) {
                return match;
            }
        }
        throw new AssertionError("No match with " + idField + " " + id + " among " + matches);
    }

    /** A 400 {@code validation} problem whose {@code errors} name exactly {@code fields}, each with a message. */
    public static JsonNode assertValidation(Reply reply, String... fields) {
        JsonNode problem = assertProblem(reply, 400, "validation");
        List<String> named = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            assertThat(error.path("message").asText()).as("message of %s in %s", error, reply).isNotBlank();
            if (!named.contains(error.path("field").asText())) {
                named.add(error.path("field").asText());
            }
        }
        assertThat(named).as("fields named by %s", reply).containsExactlyInAnyOrder(fields);
        return problem;
    }
}
