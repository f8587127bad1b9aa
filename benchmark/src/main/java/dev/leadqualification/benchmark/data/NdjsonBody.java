package dev.leadqualification.benchmark.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * A request body of newline-delimited JSON, one object per line for the numbers {@code from} (inclusive) to
 * {@code to} (exclusive), generated while it is sent: a call of 100,000 lines never sits in memory.
 */
public final class NdjsonBody extends InputStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LongFunction<Object> line;
    private final long to;
    private long next;
    private byte[] current = new byte[0];
    private int offset;

    public NdjsonBody(long from, long to, LongFunction<Object> line) {
        this.line = line;
        this.next = from;
        this.to = to;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return current[offset++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int start, int length) {
        if (length == 0) {
            return 0;
        }
        int written = 0;
        while (written < length && fill()) {
            int chunk = Math.min(length - written, current.length - offset);
            System.arraycopy(current, offset, buffer, start + written, chunk);
            offset += chunk;
            written += chunk;
        }
        return written == 0 ? -1 : written;
    }

    /** Whether there is something left to read, generating the next line when the current one is used up. */
    private boolean fill() {
        while (offset == current.length) {
            if (next >= to) {
                return false;
            }
            current = (write(line.apply(next++)) + "\n").getBytes(StandardCharsets.UTF_8);
            offset = 0;
        }
        return true;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + value, e);
        }
    }
}
