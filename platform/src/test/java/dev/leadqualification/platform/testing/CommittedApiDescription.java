package dev.leadqualification.platform.testing;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy of a service's OpenAPI description in the repository ({@code openapi/<service>.json}), from which a
 * client can be generated without running anything. {@link #check} fails when the served description differs from
 * it; with {@code -Dopenapi.update=true} it writes the served one there instead. Keys sorted, two-space indent,
 * one trailing newline: the file changes only when the description does.
 */
public final class CommittedApiDescription {

    public static final String UPDATE_PROPERTY = "openapi.update";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path file;

    private CommittedApiDescription(Path file) {
        this.file = file;
    }

    /** The file of {@code service}, from a test running in that service's module directory. */
    public static CommittedApiDescription of(String service) {
        return new CommittedApiDescription(Path.of("").toAbsolutePath().getParent().resolve("openapi")
                .resolve(service + ".json"));
    }

    public void check(String served) throws IOException {
        String expected = normalized(served);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected);
            return;
        }
        assertThat(Files.exists(file)).as("%s exists (write it with -D%s=true)", file, UPDATE_PROPERTY).isTrue();
        assertThat(Files.readString(file))
                .as("%s is the description the code serves; after a change of the API, write it again with -D%s=true",
                        file, UPDATE_PROPERTY)
                .isEqualTo(expected);
    }

    private static String normalized(String description) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer(printer).writeValueAsString(JSON.readValue(description, Object.class)) + "\n";
    }
}
