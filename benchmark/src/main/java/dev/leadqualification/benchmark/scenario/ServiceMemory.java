package dev.leadqualification.benchmark.scenario;

import dev.leadqualification.benchmark.measure.HeapUsage;
import dev.leadqualification.benchmark.system.SystemUnderTest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5: the heap of each service the benchmark started, from the GC log lines written after
 * {@link #startWatching} (so during scenarios 1–4, not while starting up) up to the service's exit: read
 * {@link #usage()} once the services have stopped. Services running elsewhere have no log here: nothing is
 * measured for them.
 */
public final class ServiceMemory {

    private final Map<SystemUnderTest.Service, Long> logOffsets = new LinkedHashMap<>();

    private ServiceMemory(SystemUnderTest system) {
        system.services().forEach(service -> logOffsets.put(service, size(service.gcLog())));
    }

    public static ServiceMemory startWatching(SystemUnderTest system) {
        return new ServiceMemory(system);
    }

    /** One usage per started service, once they have stopped; empty when the services run elsewhere. */
    public List<HeapUsage> usage() {
        List<HeapUsage> usage = new ArrayList<>();
        logOffsets.forEach((service, offset) -> usage.add(HeapUsage.of(service.name(), service.maxHeap(),
                linesAfter(service.gcLog(), offset), mentions(service.process().log(), "OutOfMemoryError"))));
        return usage;
    }

    private static List<String> linesAfter(Path file, long offset) {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, log.length() - offset)];
            log.seek(offset);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the GC log " + file, e);
        }
    }

    private static boolean mentions(Path file, String text) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
