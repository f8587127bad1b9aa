package dev.leadqualification.benchmark.report;

import java.lang.management.ManagementFactory;

/** The machine the benchmark ran on (the client's, which is the services' when the benchmark started them). */
public record Machine(int cores, long memoryMb, String os, String java, String postgresql) {

    /** This machine, with the PostgreSQL version as the database reported it (null: not known). */
    public static Machine current(String postgresqlVersion) {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new Machine(Runtime.getRuntime().availableProcessors(), memory < 0 ? -1 : memory / (1024 * 1024),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                postgresqlVersion);
    }
}
