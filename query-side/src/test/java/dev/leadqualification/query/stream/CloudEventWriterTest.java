package dev.leadqualification.query.stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventWriterTest {

    /** Like Spring's in the services: decimals keep their digits. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    /** The sequence number of every stored event here within its aggregate. */
    private static final long SEQUENCE = 5;

    private final CloudEventWriter writer = new CloudEventWriter(MAPPER);

    @Test
    void writesAStructuredCloudEventWithTheStoredPayloadAndPosition() throws Exception {
        StoredEvent stored = stored(42, "Lead", "dev.leadqualification.kernel.lead.LeadCreated", "2",
                "{\"leadId\":\"lead-1\",\"details\":{\"lastName\":\"Müller\",\"estimatedValue\":{\"amount\":1234.50,\"currency\":\"EUR\"}}}",
                "{\"actor\":\"sam\",\"correlationId\":\"corr-7\",\"traceId\":\"x\"}");

        StreamEvent event = writer.write(stored);

        assertThat(event.position()).isEqualTo(42);
        assertThat(event.type()).isEqualTo("LeadCreated");
        assertThat(event.json()).doesNotContain("\n");
        JsonNode json = MAPPER.readTree(event.json());
        assertThat(json.path("specversion").asText()).isEqualTo("1.0");
        assertThat(json.path("id").asText()).isEqualTo("event-42");
        assertThat(json.path("source").asText()).isEqualTo("/lead-qualification/Lead");
        assertThat(json.path("type").asText()).isEqualTo("dev.leadqualification.LeadCreated");
        assertThat(json.path("subject").asText()).isEqualTo("lead-1");
        assertThat(OffsetDateTime.parse(json.path("time").asText()).toInstant()).hasToString("2025-03-01T09:00:00Z");
        assertThat(json.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.path("data")).isEqualTo(MAPPER.readTree(stored.payload()));
        assertThat(json.path("data").path("details").path("estimatedValue").path("amount").decimalValue())
                .hasToString("1234.50");
        assertThat(json.path("position").isInt()).isTrue();
        assertThat(json.path("position").asLong()).isEqualTo(42);
        assertThat(json.path("sequence").isInt()).isTrue();
        assertThat(json.path("sequence").asLong()).isEqualTo(SEQUENCE);
        assertThat(json.path("actor").asText()).isEqualTo("sam");
        assertThat(json.path("correlationid").asText()).isEqualTo("corr-7");
        assertThat(json.path("revision").asText()).isEqualTo("2");
        assertThat(json.has("traceid")).isFalse();

        CloudEvent parsed = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE)
                .deserialize(event.json().getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.getExtension("position")).isEqualTo(42);
        assertThat(parsed.getExtension("sequence")).isEqualTo((int) SEQUENCE);
        assertThat(parsed.getSubject()).isEqualTo("lead-1");
    }

    @Test
    void leavesOutWhatIsNotStored() throws Exception {
        StoredEvent stored = stored(7, null, "dev.leadqualification.kernel.Outer$Happened", null, "{}", null);

        JsonNode json = MAPPER.readTree(writer.write(stored).json());

        assertThat(writer.write(stored).type()).isEqualTo("Happened");
        assertThat(json.path("type").asText()).isEqualTo("dev.leadqualification.Happened");
        assertThat(json.path("source").asText()).isEqualTo("/lead-qualification");
        assertThat(json.has("subject")).isFalse();
        assertThat(json.has("sequence")).isFalse();
        assertThat(json.has("revision")).isFalse();
        assertThat(json.has("actor")).isFalse();
        assertThat(json.has("correlationid")).isFalse();
    }

    @Test
    void aPositionBeyondCloudEventsIntegersIsWrittenAsText() throws Exception {
        long position = Integer.MAX_VALUE + 1L;
        JsonNode json = MAPPER.readTree(writer.write(stored(position, "Lead", "a.B", null, "{}", null)).json());

        assertThat(json.path("position").asText()).isEqualTo(Long.toString(position));
    }

    @Test
    void replacesAttachmentBytesByTheirSize() throws Exception {
        String content = Base64.getEncoder().encodeToString(new byte[]{1, 2, 3, 4, 5});
        StoredEvent stored = stored(3, "Lead", "dev.leadqualification.kernel.lead.NoteAdded", null,
                "{\"leadId\":\"lead-1\",\"attachment\":{\"fileName\":\"a.pdf\",\"mimeType\":\"application/pdf\",\"content\":\""
                        + content + "\"},\"notes\":[{\"attachment\":{\"content\":\"QUJD\"}}]}", null);

        JsonNode data = MAPPER.readTree(writer.write(stored).json()).path("data");

        assertThat(data.path("attachment").has("content")).isFalse();
        assertThat(data.path("attachment").path("contentSize").asLong()).isEqualTo(5);
        assertThat(data.path("attachment").path("fileName").asText()).isEqualTo("a.pdf");
        assertThat(data.path("notes").get(0).path("attachment").path("contentSize").asLong()).isEqualTo(3);
        assertThat(data.path("notes").get(0).path("attachment").has("content")).isFalse();
    }

    private static StoredEvent stored(long position, String aggregateType, String payloadType, String revision,
                                      String payload, String metaData) {
        return new StoredEvent(position, "event-" + position, aggregateType, "lead-1", SEQUENCE, payloadType, revision,
                "2025-03-01T09:00:00Z", payload.getBytes(StandardCharsets.UTF_8),
                metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8));
    }
}
