package dev.leadqualification.command.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of an NDJSON body, read as they arrive: never more than one line (at most {@code maxLineBytes}) and
 * one read buffer in memory, however large the body. Lines end with LF or CRLF; blank lines are skipped but
 * counted, so line numbers are those an editor shows. A line longer than the limit is skipped unread and
 * reported as too long. A UTF-8 byte order mark before the first line is dropped.
 */
final class NdjsonLines {

    /** One non-blank line: its number (from 1) and its bytes, or no bytes when it was longer than the limit. */
    record Line(int number, byte[] bytes) {

        boolean tooLong() {
            return bytes == null;
        }
    }

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream body;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean ended;
    /** The line being read; one byte more than the limit so that a CRLF line of exactly the limit fits. */
    private final byte[] line;
    private int lineNumber;

    NdjsonLines(InputStream body, int maxLineBytes) {
        this.body = body;
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[maxLineBytes + 1];
    }

    /** The number of the line last returned, or being read when reading failed. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next non-blank line, or null at the end of the body. */
    Line next() throws IOException {
        while (true) {
            if (!fill()) {
                return null;
            }
            lineNumber++;
            int length = 0;
            boolean tooLong = false;
            while (fill()) {
                byte b = buffer[position++];
                if (b == '\n') {
                    break;
                }
                if (length < line.length) {
                    line[length++] = b;
                } else {
                    tooLong = true;
                }
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            if (lineNumber == 1 && startsWithByteOrderMark(length)) {
                System.arraycopy(line, BYTE_ORDER_MARK.length, line, 0, length - BYTE_ORDER_MARK.length);
                length -= BYTE_ORDER_MARK.length;
            }
            if (tooLong || length > maxLineBytes) {
                return new Line(lineNumber, null);
            }
            if (!blank(length)) {
                return new Line(lineNumber, Arrays.copyOf(line, length));
            }
        }
    }

    /** Whether a byte is available (reading more when the buffer is used up). */
    private boolean fill() throws IOException {
        while (position == limit && !ended) {
            int read = body.read(buffer, 0, buffer.length);
            if (read < 0) {
                ended = true;
            } else {
                position = 0;
                limit = read;
            }
        }
        return position < limit;
    }

    private boolean startsWithByteOrderMark(int length) {
        return length >= BYTE_ORDER_MARK.length
                && Arrays.equals(line, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length);
    }

    private boolean blank(int length) {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
