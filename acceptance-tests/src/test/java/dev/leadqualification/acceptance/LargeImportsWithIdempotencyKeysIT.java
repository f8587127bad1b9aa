package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.User.ADA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import larger than the command side's whole heap, sent with an Idempotency-Key, is hashed as it streams: it
 * succeeds, and its repeat is answered with the first report, instead of the service buffering the body and running
 * out of memory. The services run with a small heap and stop at the first {@code OutOfMemoryError}, so one would
 * show as a failed request here.
 */
class LargeImportsWithIdempotencyKeysIT {

    private static final int HEAP_MEGABYTES = 128;
    /** Twice the heap: a body held whole could not fit. */
    private static final long BODY_BYTES = 2L * HEAP_MEGABYTES * 1024 * 1024;
    /** A blank line (skipped by the import, but hashed), just under the import's 64 KiB line limit. */
    private static final byte[] BLANK_LINE = blankLine(60_000);

    private static RunningServices services;
    private static Api api;

    @BeforeAll
    static void servicesWithASmallHeap() {
        services = RunningServices.prepareOwn("large_import")
                .withJvmOptions("-Xmx" + HEAP_MEGABYTES + "m", "-XX:+ExitOnOutOfMemoryError")
                .start();
        api = Api.on(services);
    }

    @AfterAll
    static void stopThem() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void anImportLargerThanTheHeapWithAKeyRunsOnceAndItsRepeatGetsTheFirstReport() {
        String token = Leads.token();
        String key = "large-import-" + token;
        String first = object("name", "First of a large import " + token).toString();
        String last = object("name", "Last of a large import " + token).toString();

        Reply imported = importWithKey(key, first, last);
        Reply repeated = importWithKey(key, first, last);

        assertThat(imported.status()).as("%s", imported).isEqualTo(200);
        JsonNode report = imported.json();
        assertThat(report.path("received").asInt()).as("%s", report).isEqualTo(2);
        assertThat(report.path("imported").asInt()).as("%s", report).isEqualTo(2);
        assertThat(repeated.status()).as("%s", repeated).isEqualTo(200);
        assertThat(repeated.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeated.json()).isEqualTo(report);
        api.awaitRecord("/api/accounts?q=" + token, page -> page.path("total").asInt() == 2);
    }

    private static Reply importWithKey(String key, String firstLine, String lastLine) {
        return api.as(ADA).withHeader("Idempotency-Key", key).postStreamed("/api/import/accounts",
                "application/x-ndjson", () -> body(firstLine, lastLine));
    }

    /** One record, blank lines up to {@link #BODY_BYTES}, one more record: generated as it is sent, never held. */
    private static InputStream body(String firstLine, String lastLine) {
        long blankLines = BODY_BYTES / BLANK_LINE.length;
        List<InputStream> parts = List.of(line(firstLine), new RepeatedBytes(BLANK_LINE, blankLines), line(lastLine));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private static InputStream line(String json) {
        return new ByteArrayInputStream((json + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] blankLine(int spaces) {
        byte[] line = new byte[spaces + 1];
        Arrays.fill(line, (byte) ' ');
        line[spaces] = '\n';
        return line;
    }

    /** {@code bytes} {@code times} over. */
    private static final class RepeatedBytes extends InputStream {
        private final byte[] bytes;
        private final long total;
        private long position;

        RepeatedBytes(byte[] bytes, long times) {
            this.bytes = bytes;
            this.total = bytes.length * times;
        }

        @Override
        public int read() {
            return position < total ? bytes[(int) (position++ % bytes.length)] : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= total) {
                return -1;
            }
            int start = (int) (position % bytes.length);
            int n = (int) Math.min(Math.min(length, bytes.length - start), total - position);
            System.arraycopy(bytes, start, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
