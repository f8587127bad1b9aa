package dev.leadqualification.platform.processing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** A put-off round runs when asked to, once, on the coordinator's thread. */
class PromptCoordinatorExecutorTest {

    private final PromptCoordinatorExecutor executor = new PromptCoordinatorExecutor("test");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aRoundPutOffForAnHourRunsOnceWhenAsked() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        String[] thread = new String[1];
        executor.schedule(() -> {
            runs.incrementAndGet();
            thread[0] = Thread.currentThread().getName();
            ran.countDown();
        }, 1, TimeUnit.HOURS);

        executor.runDeferredRounds();
        executor.runDeferredRounds();

        assertThat(ran.await(10, TimeUnit.SECONDS)).as("ran").isTrue();
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(thread[0]).startsWith("Coordinator[test]");
        assertThat(executor.getQueue()).as("nothing left scheduled").isEmpty();
    }

    @Test
    void aRoundThatAlreadyRanIsNotRunAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        executor.schedule(runs::incrementAndGet, 1, TimeUnit.MILLISECONDS).get();

        executor.runDeferredRounds();
        executor.submit(() -> { }).get();

        assertThat(runs).hasValue(1);
    }

    @Test
    void askingWhileShuttingDownIsNoError() {
        executor.schedule(() -> { }, 1, TimeUnit.HOURS);
        executor.shutdown();

        assertThatNoException().isThrownBy(executor::runDeferredRounds);
    }
}
