package dev.leadqualification.query.deadletter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The parked events of the projections, and their retry (ADMIN, as all of {@code /api/admin}: see
 * {@code QueryAuthorizationRules}). How events come to be parked: {@link dev.leadqualification.query.deadletter}.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
public class DeadLetterController {

    private final DeadLetters deadLetters;
    private final DeadLetterRetry retry;

    public DeadLetterController(DeadLetters deadLetters, DeadLetterRetry retry) {
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    @GetMapping
    public List<DeadLetterView> deadLetters() {
        return deadLetters.all();
    }

    @PostMapping("/retry")
    public RetryOutcome retryAll() {
        return retry.retryAll();
    }

    @PostMapping("/{processingGroup}/retry")
    public RetryOutcome retry(@PathVariable String processingGroup) {
        return retry.retry(processingGroup);
    }
}
