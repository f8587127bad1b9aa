package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.acceptance.support.GrafanaDashboard;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run where the build runs (no Docker), so this reads it (SnakeYAML) and the files it
 * mounts:
 * every image has an explicit tag, the services built here publish the ports they listen on and are given only
 * settings they know (Spring Boot's, from the configuration metadata of the libraries in their jars, or the
 * project's own), Prometheus scrapes services defined in the file on their ports, and Grafana is provisioned with
 * that Prometheus and a dashboard that parses. (That the dashboard's metrics are ones the services expose is
 * checked against real scrapes by {@code OperatingTheServicesIT}.)
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TAGGED_IMAGE = Pattern.compile("[a-z0-9./_-]+:(?!latest$)[A-Za-z0-9._-]+");
    private static final Pattern PROPERTIES_PREFIX = Pattern.compile("@ConfigurationProperties\\((?:prefix\\s*=\\s*)?\"([^\"]+)\"");
    private static final List<String> PROJECT_MODULES = List.of("platform", "command-side", "query-side");

    private final JsonNode compose = yaml(ROOT.resolve("docker-compose.yml"));
    private final JsonNode services = compose.path("services");

    @Test
    void everyImageHasAnExplicitTag() {
        assertThat(services.size()).isGreaterThan(0);
        services.fields().forEachRemaining(service -> {
            JsonNode definition = service.getValue();
            if (definition.has("build")) {
                Path dockerfile = ROOT.resolve(definition.path("build").asText()).resolve("Dockerfile");
                assertThat(dockerfile).as(service.getKey()).isRegularFile();
                lines(dockerfile).filter(line -> line.startsWith("FROM "))
                        .forEach(from -> assertThat(from.substring(5).trim()).as(dockerfile + ": " + from)
                                .matches(TAGGED_IMAGE));
            } else {
                assertThat(definition.path("image").asText()).as(service.getKey()).matches(TAGGED_IMAGE);
            }
        });
    }

    @Test
    void theServicesBuiltHerePublishThePortsTheyListenOn() {
        for (String service : List.of("command-side", "query-side")) {
            String port = serverPort(service);
            assertThat(containerPorts(services.path(service))).as(service).containsExactly(port);
            assertThat(lines(ROOT.resolve(service).resolve("Dockerfile"))).as(service).contains("EXPOSE " + port);
        }
    }

    @Test
    void theServicesBuiltHereAreGivenOnlySettingsTheyKnow() throws IOException {
        for (String service : List.of("command-side", "query-side")) {
            Set<String> known = knownProperties(service);
            Set<String> projectPrefixes = projectPropertiesPrefixes();
            assertThat(services.path(service).path("environment").has("SPRING_DATASOURCE_URL")).as(service).isTrue();
            services.path(service).path("environment").fieldNames().forEachRemaining(variable -> {
                String property = canonical(variable.replace('_', '.'));
                boolean isKnown = known.contains(property)
                        || projectPrefixes.stream().anyMatch(prefix -> property.startsWith(prefix + "."))
                        || known.stream().anyMatch(map -> property.startsWith(map + "."));
                assertThat(isKnown).as("%s of %s is a setting it knows", variable, service).isTrue();
            });
        }
    }

    @Test
    void prometheusScrapesTheServicesOfTheFileOnTheirPorts() {
        JsonNode prometheus = yaml(ROOT.resolve("observability/prometheus/prometheus.yml"));
        assertMounted("prometheus", "observability/prometheus/prometheus.yml");
        JsonNode jobs = prometheus.path("scrape_configs");
        assertThat(jobs.size()).isEqualTo(2);
        Set<String> scraped = new HashSet<>();
        jobs.forEach(job -> {
            assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
            job.path("static_configs").forEach(config -> config.path("targets").forEach(target -> {
                String[] hostAndPort = target.asText().split(":");
                assertThat(services.has(hostAndPort[0])).as("%s is a service of docker-compose.yml", target).isTrue();
                assertThat(hostAndPort[1]).as("%s", target).isEqualTo(serverPort(hostAndPort[0]));
                scraped.add(hostAndPort[0]);
            }));
        });
        assertThat(scraped).containsExactlyInAnyOrder("command-side", "query-side");
    }

    @Test
    void grafanaShowsTheDashboardFromThatPrometheus() {
        assertMounted("grafana", "observability/grafana/provisioning");
        assertMounted("grafana", "observability/grafana/dashboards");
        JsonNode datasource = yaml(ROOT.resolve("observability/grafana/provisioning/datasources/prometheus.yml"))
                .path("datasources").get(0);
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:"
                + containerPorts(services.path("prometheus")).get(0));
        JsonNode provider = yaml(ROOT.resolve("observability/grafana/provisioning/dashboards/lead-qualification.yml"))
                .path("providers").get(0);
        assertThat(mountTargets("grafana")).contains(provider.path("options").path("path").asText());

        GrafanaDashboard dashboard = GrafanaDashboard.read();
        assertThat(dashboard.expressions()).isNotEmpty().doesNotContain("");
        dashboard.json().path("panels").forEach(panel -> assertThat(panel.path("datasource").path("uid").asText())
                .isEqualTo(datasource.path("uid").asText()));
        assertThat(dashboard.metricNames()).contains("leads_processor_lag_events", "leads_processor_lag_time_seconds",
                "leads_qualifications_started_total", "leads_qualifications_completed_total");
    }

    /** The port a service built here listens on: its application.yml's server.port. */
    private static String serverPort(String service) {
        return yaml(ROOT.resolve(service).resolve("src/main/resources/application.yml")).path("server").path("port").asText();
    }

    private static List<String> containerPorts(JsonNode service) {
        return texts(service.path("ports"))
                .map(mapping -> mapping.substring(mapping.lastIndexOf(':') + 1))
                .toList();
    }

    private void assertMounted(String service, String file) {
        List<String> sources = texts(services.path(service).path("volumes"))
                .map(volume -> volume.split(":")[0]).toList();
        assertThat(sources).as(service).contains("./" + file);
        assertThat(ROOT.resolve(file)).exists();
    }

    private List<String> mountTargets(String service) {
        return texts(services.path(service).path("volumes")).map(volume -> volume.split(":")[1]).toList();
    }

    /**
     * The properties a service knows: those of the configuration metadata in its jar's libraries, and the keys of
     * its application.yml, in canonical form.
     */
    private static Set<String> knownProperties(String service) throws IOException {
        Path jar = ROOT.resolve(service).resolve("target").resolve(service + ".jar");
        assertThat(jar).as("built by `mvn package`").isRegularFile();
        Set<String> known = new HashSet<>();
        try (ZipFile fatJar = new ZipFile(jar.toFile())) {
            for (ZipEntry library : fatJar.stream().filter(entry -> entry.getName().startsWith("BOOT-INF/lib/")).toList()) {
                try (ZipInputStream classes = new ZipInputStream(fatJar.getInputStream(library))) {
                    for (ZipEntry entry; (entry = classes.getNextEntry()) != null; ) {
                        if (entry.getName().matches("META-INF/(additional-)?spring-configuration-metadata\\.json")) {
                            JsonNode metadata = JSON.readTree(classes.readAllBytes());
                            metadata.path("properties").forEach(property -> known.add(canonical(property.path("name").asText())));
                        }
                    }
                }
            }
        }
        flatten(yaml(ROOT.resolve(service).resolve("src/main/resources/application.yml")), "", known);
        return known;
    }

    /** The prefixes of the project's own {@code @ConfigurationProperties}, in canonical form. */
    private static Set<String> projectPropertiesPrefixes() throws IOException {
        Set<String> prefixes = new HashSet<>();
        for (String module : PROJECT_MODULES) {
            try (Stream<Path> sources = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                sources.filter(path -> path.toString().endsWith(".java")).forEach(source -> {
                    Matcher prefix = PROPERTIES_PREFIX.matcher(String.join("\n", lines(source).toList()));
                    while (prefix.find()) {
                        prefixes.add(canonical(prefix.group(1)));
                    }
                });
            }
        }
        return prefixes;
    }

    private static void flatten(JsonNode node, String path, Set<String> keys) {
        if (!node.isObject()) {
            keys.add(canonical(path));
            return;
        }
        node.fields().forEachRemaining(field ->
                flatten(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), keys));
    }

    /** Spring's relaxed form, which an environment variable can express: lower case, no dashes, no list indexes. */
    private static String canonical(String property) {
        return property.toLowerCase(Locale.ROOT).replace("-", "").replaceAll("\\.\\d+(?=\\.|$)", "")
                .replaceAll("\\[\\d+]", "");
    }

    /** Read with SnakeYAML, which resolves anchors and aliases (Jackson's YAML reader leaves an alias as text). */
    private static JsonNode yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return JSON.valueToTree(new Yaml().load(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> texts(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(value -> values.add(value.asText()));
        return values.stream();
    }
}
