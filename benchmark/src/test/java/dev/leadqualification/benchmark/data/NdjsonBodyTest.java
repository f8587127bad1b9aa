package dev.leadqualification.benchmark.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NdjsonBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givesOneJsonObjectPerLineForTheRange() throws IOException {
        String body = new String(new NdjsonBody(3, 6, n -> Map.of("n", n, "name", "Ünïcode " + n)).readAllBytes(),
                StandardCharsets.UTF_8);

        List<String> lines = body.lines().toList();
        assertThat(body).endsWith("\n");
        assertThat(lines).hasSize(3);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = JSON.readTree(lines.get(i));
            assertThat(line.path("n").asLong()).isEqualTo(3 + i);
            assertThat(line.path("name").asText()).isEqualTo("Ünïcode " + (3 + i));
        }
    }

    @Test
    void readingByteByByteGivesTheSameBytes() throws IOException {
        byte[] whole = new NdjsonBody(0, 50, n -> Map.of("n", n)).readAllBytes();
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (InputStream bytes = new NdjsonBody(0, 50, n -> Map.of("n", n))) {
            for (int b = bytes.read(); b >= 0; b = bytes.read()) {
                single.write(b);
            }
        }

        assertThat(single.toByteArray()).isEqualTo(whole);
    }

    @Test
    void anEmptyRangeIsAnEmptyBody() throws IOException {
        assertThat(new NdjsonBody(5, 5, n -> Map.of("n", n)).readAllBytes()).isEmpty();
    }
}
