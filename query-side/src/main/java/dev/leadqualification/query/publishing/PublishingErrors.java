package dev.leadqualification.query.publishing;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This instance's last failure to publish, until a batch is published again (each query-side instance knows only its
 * own: another instance's failures show in its own answers).
 */
public class PublishingErrors {

    private final AtomicReference<String> last = new AtomicReference<>();

    void failed(Throwable failure) {
        last.set(failure.getMessage());
    }

    void cleared() {
        last.set(null);
    }

    public Optional<String> last() {
        return Optional.ofNullable(last.get());
    }
}
