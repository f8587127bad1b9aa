package dev.leadqualification.query.publishing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/admin/publisher} (ADMIN, as all of {@code /api/admin}: see {@code QueryAuthorizationRules}). */
@RestController
public class PublisherController {

    private final PublisherProgress progress;

    PublisherController(PublisherProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/api/admin/publisher")
    public PublisherStatus publisher() {
        return progress.status();
    }
}
