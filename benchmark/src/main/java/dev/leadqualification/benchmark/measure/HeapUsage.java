package dev.leadqualification.benchmark.measure;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's heap as its GC log ({@code -Xlog:gc,gc+heap+exit}) tells it. Every collection logs the heap in use
 * before and after it ({@code Pause Young (Normal) (G1 Evacuation Pause) 120M->31M(256M) 4.1ms}); the exit logs
 * the heap in use then ({@code garbage-first heap total 416768K, used 187918K}). The heap only grows between
 * collections, so the largest of the amounts before a collection and at exit is the peak heap used; the largest
 * after a collection is the most the service kept alive. Null when the log shows neither.
 */
public record HeapUsage(String service, String maxHeap, int collections, int fullCollections,
                        Double peakUsedMb, Double maxAfterCollectionMb, boolean outOfMemory) {

    private static final Pattern COLLECTION = Pattern.compile(
            "GC\\(\\d+\\) (Pause .*?) (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern AT_EXIT = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    /** The usage that {@code gcLogLines} show; {@code outOfMemory} when the service's output reported one. */
    public static HeapUsage of(String service, String maxHeap, List<String> gcLogLines, boolean outOfMemory) {
        int collections = 0;
        int fullCollections = 0;
        Double peak = null;
        Double maxAfter = null;
        for (String line : gcLogLines) {
            Matcher collection = COLLECTION.matcher(line);
            if (collection.find()) {
                collections++;
                if (collection.group(1).startsWith("Pause Full")) {
                    fullCollections++;
                }
                peak = max(peak, megabytes(collection.group(2), collection.group(3)));
                maxAfter = max(maxAfter, megabytes(collection.group(4), collection.group(5)));
                continue;
            }
            Matcher exit = AT_EXIT.matcher(line);
            if (exit.find()) {
                peak = max(peak, megabytes(exit.group(1), "K"));
            }
        }
        return new HeapUsage(service, maxHeap, collections, fullCollections, peak, maxAfter, outOfMemory);
    }

    private static Double max(Double current, double value) {
        return current == null ? value : Math.max(current, value);
    }

    private static double megabytes(String amount, String unit) {
        double value = Double.parseDouble(amount);
        return switch (unit) {
            case "K" -> value / 1024;
            case "G" -> value * 1024;
            default -> value;
        };
    }
}
