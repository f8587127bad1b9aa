package dev.leadqualification.benchmark.scenario;

import dev.leadqualification.benchmark.BenchmarkOptions;
import dev.leadqualification.benchmark.data.TestData;
import dev.leadqualification.benchmark.http.ApiClient;
import dev.leadqualification.benchmark.system.SystemUnderTest;

import java.time.Duration;

/** What every scenario works with: the services, the run's data, the options, and how long waits may take. */
public record ScenarioContext(SystemUnderTest system, TestData data, BenchmarkOptions options) {

    /** The command side as the SALES user. */
    public ApiClient commandSide() {
        return system.commandSide();
    }

    /** The query side as the SALES user. */
    public ApiClient querySide() {
        return system.querySide();
    }

    public ApiClient commandSideAsAdmin() {
        return system.commandSide().as(system.admin());
    }

    public ApiClient querySideAsAdmin() {
        return system.querySide().as(system.admin());
    }

    /** A deadline {@link BenchmarkOptions#timeout()} from now, as {@link System#nanoTime()}. */
    public long deadline() {
        return System.nanoTime() + options.timeout().toNanos();
    }

    /**
     * Throws when a wait must end: the deadline has passed, or a service the benchmark started has stopped (then
     * nothing it was to do will happen).
     */
    public void checkWaiting(long deadline, String waitingFor) {
        system.checkRunning();
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("Gave up waiting, after " + options.timeout().toMinutes() + " minutes, for "
                    + waitingFor);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
