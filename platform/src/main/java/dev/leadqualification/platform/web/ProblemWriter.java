package dev.leadqualification.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.Map;

/** Builds RFC 9457 problem answers, and writes them where no controller advice runs (filters, security). */
public class ProblemWriter {

    private final ObjectMapper objectMapper;

    public ProblemWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public static ProblemDetail problem(HttpStatus status, String slug, String detail, Map<String, Object> extensions) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.type(slug));
        problem.setTitle(ProblemTypes.title(slug));
        extensions.forEach(problem::setProperty);
        return problem;
    }

    public void write(HttpServletResponse response, HttpStatus status, String slug, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem(status, slug, detail, Map.of()));
    }
}
