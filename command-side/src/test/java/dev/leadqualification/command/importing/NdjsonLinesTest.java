package dev.leadqualification.command.importing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting an NDJSON body into numbered lines, whatever the chunks it arrives in. */
class NdjsonLinesTest {

    @Test
    void numbersLinesAsAnEditorDoesSkippingBlankOnesAndReadsALastLineWithoutNewline() throws IOException {
        List<String> lines = read("{\"a\":1}\n\n   \n{\"b\":2}\r\n\t\n{\"c\":3}", 100, 64 * 1024);

        assertThat(lines).containsExactly("1:{\"a\":1}", "4:{\"b\":2}", "6:{\"c\":3}");
    }

    @Test
    void aLineLongerThanTheLimitIsReportedAloneAndTheNextLineIsReadWhole() throws IOException {
        String longLine = "{\"name\":\"" + "x".repeat(50) + "\"}";

        List<String> lines = read("{\"a\":1}\n" + longLine + "\n{\"b\":2}\n", 20, 7);

        assertThat(lines).containsExactly("1:{\"a\":1}", "2:too long", "3:{\"b\":2}");
    }

    @Test
    void aLineOfExactlyTheLimitIsReadWithOrWithoutCarriageReturn() throws IOException {
        String twenty = "{\"name\":\"abcdefghi\"}";
        assertThat(twenty).hasSize(20);

        assertThat(read(twenty + "\r\n" + twenty + "\n", 20, 3)).containsExactly("1:" + twenty, "2:" + twenty);
        assertThat(read(twenty + "x\n", 20, 3)).containsExactly("1:too long");
    }

    @Test
    void linesSplitAcrossChunksOfTheBodyComeOutWhole() throws IOException {
        String body = "{\"name\":\"Contoso\"}\n{\"name\":\"Fabrikam\"}\n";

        assertThat(read(body, 100, 1)).containsExactly("1:{\"name\":\"Contoso\"}", "2:{\"name\":\"Fabrikam\"}");
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsDropped() throws IOException {
        assertThat(read("\uFEFF{\"a\":1}\n", 100, 64)).containsExactly("1:{\"a\":1}");
    }

    @Test
    void anEmptyOrBlankBodyHasNoLines() throws IOException {
        assertThat(read("", 100, 64)).isEmpty();
        assertThat(read("\n \r\n", 100, 64)).isEmpty();
    }

    /** The lines as "number:text" (or "number:too long"), the body arriving {@code chunk} bytes at a time. */
    private static List<String> read(String body, int maxLineBytes, int chunk) throws IOException {
        NdjsonLines lines = new NdjsonLines(new Chunked(body.getBytes(StandardCharsets.UTF_8), chunk), maxLineBytes);
        List<String> read = new ArrayList<>();
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            read.add(line.number() + ":" + (line.tooLong() ? "too long" : new String(line.bytes(), StandardCharsets.UTF_8)));
        }
        return read;
    }

    /** A body that arrives in chunks of at most {@code chunk} bytes, as a network stream may. */
    private static final class Chunked extends InputStream {
        private final ByteArrayInputStream bytes;
        private final int chunk;

        Chunked(byte[] body, int chunk) {
            this.bytes = new ByteArrayInputStream(body);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, Math.min(length, chunk));
        }
    }
}
