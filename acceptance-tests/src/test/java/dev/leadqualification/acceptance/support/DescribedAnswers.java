package dev.leadqualification.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Holds every answer of the services to the OpenAPI 3.1 description committed in the repository
 * ({@code openapi/command-side.json}, {@code openapi/query-side.json}): {@link Api} checks each answer it gets, so
 * every acceptance test checks that the description tells the truth. The answer's status must be described for its
 * operation, its content type among the described ones (none when no content is described), its JSON body valid
 * against the described schema, and each described header it carries valid against its schema. The schemas are
 * checked by networknt's JSON Schema validator in OpenAPI 3.1's dialect, with formats asserted. A request to a path
 * or method the description does not have (an unknown resource, a 405) is not checked: no operation describes it.
 */
public final class DescribedAnswers {

    private static final Map<Api.Side, Description> DESCRIPTIONS = new ConcurrentHashMap<>();

    private DescribedAnswers() {
    }

    /** Throws an {@link AssertionError} naming every way the answer departs from the description. */
    public static void check(Api.Side side, String method, String pathAndQuery, Reply reply) {
        List<String> departures = DESCRIPTIONS.computeIfAbsent(side, Description::load)
                .departures(method, URI.create(pathAndQuery).getRawPath(), reply);
        if (!departures.isEmpty()) {
            throw new AssertionError("The answer departs from the OpenAPI description " + description(side) + ": "
                    + String.join("; ", departures) + "\nAnswer: " + reply);
        }
    }

    /** The committed description of one service (the system property {@code <side>SideApi} may name another). */
    public static Path description(Api.Side side) {
        String service = side.name().toLowerCase() + "-side";
        return Path.of(System.getProperty(side.name().toLowerCase() + "SideApi", "../openapi/" + service + ".json"))
                .toAbsolutePath().normalize();
    }

    /** One service's description, and the validator of the schemas in it. */
    private record Description(URI uri, JsonNode document, SchemaRegistry schemas) {

        static Description load(Api.Side side) {
            Path file = description(side);
            try {
                String text = Files.readString(file);
                // known to the validator by this name, from memory: its loaders read no files
                URI uri = URI.create("https://lead-qualification.dev/openapi/" + file.getFileName());
                return new Description(uri, Json.parse(text.getBytes(StandardCharsets.UTF_8)),
                        SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), registry -> registry
                                .schemas(Map.of(uri.toString(), text))
                                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                                        .build())));
            } catch (IOException e) {
                throw new UncheckedIOException("The OpenAPI description " + file + " can't be read", e);
            }
        }

        List<String> departures(String method, String path, Reply reply) {
            Optional<String> template = template(path, method.toLowerCase());
            if (template.isEmpty()) {
                return List.of();
            }
            String operation = "/paths/" + escape(template.get()) + "/" + method.toLowerCase() + "/responses/";
            String status = String.valueOf(reply.status());
            JsonNode response = document.at(operation + status);
            if (response.isMissingNode()) {
                return List.of("status " + status + " is not described for " + method + " " + template.get());
            }
            List<String> departures = new ArrayList<>();
            String pointer = operation + status;
            response.path("headers").fieldNames().forEachRemaining(header -> {
                String value = reply.header(header);
                if (value != null) {
                    departures.addAll(errors(pointer + "/headers/" + escape(header) + "/schema",
                            TextNode.valueOf(value), "header " + header));
                }
            });
            JsonNode content = response.path("content");
            if (content.isEmpty()) {
                if (reply.body().length > 0) {
                    departures.add("a body is not described, yet there is one");
                }
                return departures;
            }
            String mediaType = reply.contentType() == null ? "" : reply.contentType().split(";")[0].trim();
            Optional<String> described = StreamSupport.stream(
                            ((Iterable<String>) content::fieldNames).spliterator(), false)
                    .filter(candidate -> matches(candidate, mediaType)).findFirst();
            if (described.isEmpty()) {
                departures.add("content type '" + mediaType + "' is not described (only " + content.properties()
                        .stream().map(Map.Entry::getKey).toList() + ")");
            } else if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
                departures.addAll(errors(pointer + "/content/" + escape(described.get()) + "/schema", reply.json(),
                        "body"));
            }
            return departures;
        }

        /** The described path that matches: a literal one before one with a variable ({@code /api/leads/qualify}). */
        private Optional<String> template(String path, String method) {
            List<String> templates = new ArrayList<>();
            document.path("paths").properties().forEach(entry -> {
                if (entry.getValue().has(method)) {
                    templates.add(entry.getKey());
                }
            });
            return templates.stream()
                    .filter(template -> Pattern.matches(Pattern.quote(template).replaceAll("\\{[^}]+}",
                            "\\\\E[^/]+\\\\Q"), path))
                    .min(Comparator.comparing(template -> template.chars().filter(c -> c == '{').count()));
        }

        private List<String> errors(String pointer, JsonNode instance, String what) {
            List<Error> errors = schemas.getSchema(SchemaLocation.of(uri + "#" + pointer)).validate(instance);
            return errors.stream().map(error -> what + ": " + error.getMessage()).toList();
        }

        private static boolean matches(String described, String actual) {
            return described.equals("*/*") || described.equals(actual)
                    || described.endsWith("/*") && actual.startsWith(described.substring(0, described.length() - 1));
        }

        /** A JSON pointer's form of a name ({@code /} and {@code ~} escaped). */
        private static String escape(String name) {
            return name.replace("~", "~0").replace("/", "~1");
        }
    }
}
