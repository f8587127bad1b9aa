package dev.leadqualification.command.idempotency;

import dev.leadqualification.platform.web.ApiProblem;
import dev.leadqualification.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A command sent with {@code Idempotency-Key} runs at most once per user and key: the key is reserved before
 * the command runs, and the answer stored after it, so a repeat gets the first answer again (status, body,
 * ETag, Location) with {@code Idempotent-Replayed: true}. A repeat while the first is still running: 409
 * {@code request-in-progress}. The same key for another request: 422 {@code idempotency-key-reused}. A server
 * error (5xx) is not stored, so the client may retry it.
 * <p>
 * Imports ({@code /api/import/**}) are left alone: their bodies are streamed, never held in memory (which a stored
 * answer would need of the request), and running an import again is safe by design.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    /** Where the key is not looked at: the imports. */
    public static final String UNGUARDED_PATHS = "/api/import/";
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private final IdempotencyRecords records;
    private final ProblemWriter problems;

    public IdempotencyFilter(IdempotencyRecords records, ProblemWriter problems) {
        this.records = records;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !request.getRequestURI().startsWith("/api/")
                || request.getRequestURI().startsWith(UNGUARDED_PATHS)
                || List.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (!SANE_KEY.matcher(key).matches()) {
            problems.write(response, HttpStatus.BAD_REQUEST, "validation",
                    "The Idempotency-Key header must be 1 to 255 visible ASCII characters.");
            return;
        }
        if (user == null || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (ApiProblem tooLarge) {
            problems.write(response, tooLarge.status(), tooLarge.slug(), tooLarge.getMessage());
            return;
        }
        String requestHash = hash(request, body);
        if (records.reserve(user.getName(), key, requestHash)) {
            runOnce(request, response, chain, body, user.getName(), key);
        } else {
            answerRepeat(response, records.find(user.getName(), key), requestHash);
        }
    }

    private void runOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain, byte[] body,
                         String username, String key) throws IOException, ServletException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new ReplayableBodyRequest(request, body), answer);
        } catch (IOException | ServletException | RuntimeException failure) {
            records.release(username, key);
            throw failure;
        }
        if (answer.getStatus() >= 500) {
            records.release(username, key);
        } else {
            Map<String, String> headers = new LinkedHashMap<>();
            Optional.ofNullable(answer.getContentType()).ifPresent(type -> headers.put(HttpHeaders.CONTENT_TYPE, type));
            REPLAYED_HEADERS.forEach(name -> Optional.ofNullable(answer.getHeader(name))
                    .ifPresent(value -> headers.put(name, value)));
            records.complete(username, key, answer.getStatus(), headers, answer.getContentAsByteArray());
        }
        answer.copyBodyToResponse();
    }

    private void answerRepeat(HttpServletResponse response, Optional<IdempotencyRecords.StoredAnswer> stored,
                              String requestHash) throws IOException {
        if (stored.isPresent() && !stored.get().requestHash().equals(requestHash)) {
            problems.write(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "This Idempotency-Key was used for another request; use a new key for a new request.");
        } else if (stored.isEmpty() || !stored.get().completed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(response, HttpStatus.CONFLICT, "request-in-progress",
                    "A request with this Idempotency-Key is still being processed; repeat it in a moment.");
        } else {
            IdempotencyRecords.StoredAnswer answer = stored.get();
            response.setStatus(answer.status());
            answer.headers().forEach(response::setHeader);
            response.setHeader("Idempotent-Replayed", "true");
            if (answer.body() != null) {
                response.getOutputStream().write(answer.body());
            }
        }
    }

    /** Method, path, query and body: what makes two requests the same request. */
    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** The request with its body read once, here, and served again to the controller. */
    private static final class ReplayableBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read");
                }
            };
        }
    }
}
