package dev.leadqualification.command.lead;

import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs the single-lead qualifications of bulk requests on a small shared pool
 * ({@code leads.bulk-qualification.parallelism}, default 4: enough to keep two cores and the database's group
 * commit busy, few enough not to starve other requests). A task runs as the requesting user with the request's
 * correlation id, so its events record both exactly as a single qualify would.
 */
@Component
public class BulkQualificationExecutor implements DisposableBean {

    private final ExecutorService pool;

    public BulkQualificationExecutor(@Value("${leads.bulk-qualification.parallelism:4}") int parallelism) {
        this.pool = Executors.newFixedThreadPool(parallelism, runnable -> {
            Thread thread = new Thread(runnable, "bulk-qualification");
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> CompletableFuture<T> submit(Supplier<T> task) {
        SecurityContext user = SecurityContextHolder.getContext();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        return CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(user);
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                return task.get();
            } finally {
                SecurityContextHolder.clearContext();
                MDC.clear();
            }
        }, pool);
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
