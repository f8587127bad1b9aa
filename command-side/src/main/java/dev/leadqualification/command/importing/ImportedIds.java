package dev.leadqualification.command.importing;

import java.util.UUID;

/**
 * The ids the earlier lines of one file imported, each with its line number: an id used again later in the
 * file is a conflict, even when the first line only found its record already stored. Ids are UUIDs kept as
 * two longs in an open-addressing table (about 30 bytes a record), so a file of a million records needs
 * tens of megabytes, not the hundreds a set of strings would.
 */
final class ImportedIds {

    private static final double MAX_LOAD = 0.7;

    private long[] highs = new long[1024];
    private long[] lows = new long[1024];
    /** 0: free slot (line numbers start at 1). */
    private int[] lines = new int[1024];
    private int size;

    /** The line that imported {@code id}, or 0 when none did. */
    int lineOf(String id) {
        UUID uuid = UUID.fromString(id);
        return lines[slot(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits())];
    }

    void add(String id, int line) {
        if (size + 1 > lines.length * MAX_LOAD) {
            grow();
        }
        UUID uuid = UUID.fromString(id);
        put(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits(), line);
    }

    private void put(long high, long low, int line) {
        int slot = slot(high, low);
        if (lines[slot] == 0) {
            highs[slot] = high;
            lows[slot] = low;
            lines[slot] = line;
            size++;
        }
    }

    /** The slot holding the id, else the free slot where it belongs (linear probing). */
    private int slot(long high, long low) {
        int mask = lines.length - 1;
        int slot = hash(high, low) & mask;
        while (lines[slot] != 0 && (highs[slot] != high || lows[slot] != low)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Client-chosen ids may be sequential rather than random: mix all bits (murmur3's finaliser). */
    private static int hash(long high, long low) {
        long h = high * 31 + low;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    private void grow() {
        long[] oldHighs = highs;
        long[] oldLows = lows;
        int[] oldLines = lines;
        highs = new long[oldLines.length * 2];
        lows = new long[oldLines.length * 2];
        lines = new int[oldLines.length * 2];
        size = 0;
        for (int i = 0; i < oldLines.length; i++) {
            if (oldLines[i] != 0) {
                put(oldHighs[i], oldLows[i], oldLines[i]);
            }
        }
    }
}
