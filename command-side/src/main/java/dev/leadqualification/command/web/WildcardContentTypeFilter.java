package dev.leadqualification.command.web;

import dev.leadqualification.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A body sent as a wildcard type ({@code *}{@code /*}, {@code application/*}) says nothing about what it is:
 * 415 {@code unsupported-media-type} like any other type the API does not read. Spring MVC would fail on it
 * with an assertion (a request's content type must be concrete), answered as a server error.
 */
public class WildcardContentTypeFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public WildcardContentTypeFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWildcard(request.getContentType())) {
            String expected = request.getRequestURI().startsWith("/api/import/")
                    ? "application/x-ndjson" : "application/json";
            problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Send the body as " + expected + ".");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparsable) {
            return false; // Spring MVC answers an unparsable type with 415 itself
        }
    }
}
