package dev.leadqualification.command.importing;

import dev.leadqualification.platform.web.ApiExceptionHandler;
import org.springframework.http.ProblemDetail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did: lines received (blank ones are not counted), imported and refused, and for each refused
 * line (in line order) the problem the direct create would have answered, with the line's number. Only the first
 * {@code maxListedErrors} refusals are listed, so that a file refused as a whole does not make an answer of
 * hundreds of megabytes; {@code errorsOmitted} counts the others.
 */
final class ImportReport {

    /** The JSON answer. */
    record Answer(int received, int imported, int refused, List<Map<String, Object>> errors, Integer errorsOmitted) {
    }

    private final ApiExceptionHandler problems;
    private final int maxListedErrors;
    private final List<Map<String, Object>> errors = new ArrayList<>();
    private int imported;
    private int refused;

    ImportReport(ApiExceptionHandler problems, int maxListedErrors) {
        this.problems = problems;
        this.maxListedErrors = maxListedErrors;
    }

    /** The outcomes of the next lines, in line order. */
    void add(List<LineOutcome> outcomes) {
        for (LineOutcome outcome : outcomes) {
            if (outcome instanceof LineOutcome.Refused refusal) {
                refused++;
                if (errors.size() < maxListedErrors) {
                    errors.add(error(refusal.line(), problems.describe(refusal.reason())));
                }
            } else {
                imported++;
            }
        }
    }

    /** The answer, once every line read ({@code received}, blank ones not counted) has been added. */
    Answer answer(int received) {
        return new Answer(received, imported, refused, errors, refused > errors.size() ? refused - errors.size() : null);
    }

    /** {@code line} and the problem's members, extensions included ({@code errors}, {@code matchedAccounts}, ...). */
    private static Map<String, Object> error(int line, ProblemDetail problem) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("line", line);
        error.put("status", problem.getStatus());
        error.put("type", problem.getType().toString());
        error.put("title", problem.getTitle());
        error.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            error.putAll(problem.getProperties());
        }
        return error;
    }
}
