package dev.leadqualification.benchmark.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Work spread over a number of client threads, as that many independent clients would do it. */
final class Parallel {

    private Parallel() {
    }

    /**
     * Runs {@code task} for 0 to {@code count - 1} on {@code threads} threads, each taking the next number in
     * order when it is free; returns when all are done, throwing the first failure (the others stop early).
     */
    static void forEach(int threads, int count, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, count)));
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < Math.min(threads, count); i++) {
                workers.add(clients.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count && failures.get() == 0; n = next.getAndIncrement()) {
                        try {
                            task.accept(n);
                        } catch (RuntimeException failure) {
                            failures.incrementAndGet();
                            throw failure;
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            clients.shutdownNow();
        }
    }
}
