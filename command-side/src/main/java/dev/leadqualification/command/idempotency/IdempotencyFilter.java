package dev.leadqualification.command.idempotency;

import dev.leadqualification.platform.web.ApiProblem;
import dev.leadqualification.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A command sent with {@code Idempotency-Key} runs at most once per user and key: the key is reserved before
 * the command runs, and the answer stored after it, so a repeat gets the first answer again (status, body,
 * ETag, Location) with {@code Idempotent-Replayed: true}. A repeat while the first is still running: 409
 * {@code request-in-progress}. The same key for another request: 422 {@code idempotency-key-reused}. An answer
 * that asks the client to try again ({@code Retry-After}: a server error, the database away, a record changed
 * by others at the same time) is not the command's outcome, so it is not stored and a retry with the key runs
 * the command. A reservation is renewed while its request runs ({@link IdempotencyRecords#renewRunningReservations}),
 * so a long import keeps its key.
 * <p>
 * The body is never held in memory: the request is hashed as the controller reads it ({@link RequestDigest}), and
 * what it left unread is read to the end after it; the hash is stored with the answer. An import of a gigabyte
 * with a key therefore takes no more memory than one without. A reservation in progress records the hash of the
 * request line only (method, path, query), the body being still unread; an answer whose body could not be read to
 * the end (too large, the client gone) is not stored. A repeat of a completed request reads its own body through
 * the digest, without keeping it, before it is answered.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
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
        RequestDigest digest = new RequestDigest(request);
        if (records.reserve(user.getName(), key, digest.requestLineHash())) {
            runOnce(digest, response, chain, user.getName(), key);
        } else {
            answerRepeat(digest, response, records.find(user.getName(), key));
        }
    }

    private void runOnce(RequestDigest request, HttpServletResponse response, FilterChain chain, String username,
                         String key) throws IOException, ServletException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
        } catch (IOException | ServletException | RuntimeException failure) {
            records.release(username, key);
            throw failure;
        }
        Optional<String> requestHash = wholeRequestHash(request);
        if (answer.getStatus() >= 500 || answer.containsHeader(HttpHeaders.RETRY_AFTER) || requestHash.isEmpty()) {
            records.release(username, key);
        } else {
            Map<String, String> headers = new LinkedHashMap<>();
            Optional.ofNullable(answer.getContentType()).ifPresent(type -> headers.put(HttpHeaders.CONTENT_TYPE, type));
            REPLAYED_HEADERS.forEach(name -> Optional.ofNullable(answer.getHeader(name))
                    .ifPresent(value -> headers.put(name, value)));
            records.complete(username, key, requestHash.get(), answer.getStatus(), headers,
                    answer.getContentAsByteArray());
        }
        answer.copyBodyToResponse();
    }

    private void answerRepeat(RequestDigest request, HttpServletResponse response,
                              Optional<IdempotencyRecords.StoredAnswer> stored) throws IOException {
        if (stored.isEmpty() || !stored.get().completed()) {
            if (stored.isPresent() && !stored.get().requestHash().equals(request.requestLineHash())) {
                keyReused(response);
                return;
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(response, HttpStatus.CONFLICT, "request-in-progress",
                    "A request with this Idempotency-Key is still being processed; repeat it in a moment.");
            return;
        }
        String requestHash;
        try {
            requestHash = request.wholeRequestHash();
        } catch (ApiProblem tooLarge) {
            problems.write(response, tooLarge.status(), tooLarge.slug(), tooLarge.getMessage());
            return;
        }
        IdempotencyRecords.StoredAnswer answer = stored.get();
        if (!answer.requestHash().equals(requestHash)) {
            keyReused(response);
        } else {
            response.setStatus(answer.status());
            answer.headers().forEach(response::setHeader);
            response.setHeader("Idempotent-Replayed", "true");
            if (answer.body() != null) {
                response.getOutputStream().write(answer.body());
            }
        }
    }

    /** The hash of the request the controller answered, or empty if its body could not be read to the end. */
    private static Optional<String> wholeRequestHash(RequestDigest request) {
        try {
            return Optional.of(request.wholeRequestHash());
        } catch (IOException | ApiProblem unread) {
            return Optional.empty();
        }
    }

    private void keyReused(HttpServletResponse response) throws IOException {
        problems.write(response, HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "This Idempotency-Key was used for another request; use a new key for a new request.");
    }
}
