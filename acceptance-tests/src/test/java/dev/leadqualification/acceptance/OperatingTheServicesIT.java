package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.EventStoreTable;
import dev.leadqualification.acceptance.support.GrafanaDashboard;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.PrometheusScrape;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API.md "Operating it": metrics in Prometheus' format, for administrators on the API's port (the shared services)
 * and for anyone on a management port of its own ({@code MANAGEMENT_SERVER_PORT}, these services); and, on services
 * configured for structured logs ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}), JSON log lines that carry the
 * request's correlation id, acting user and W3C trace id, which the request's events carry too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatingTheServicesIT {

    private static final String COMMAND_SIDE = "command-side";
    private static final String QUERY_SIDE = "query-side";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RunningServices services;
    private Api api;
    private Sales sales;

    @BeforeAll
    void startServicesWithStructuredLogs() {
        services = RunningServices.prepareOwn("operating")
                .withManagementPorts()
                .withEnvironment("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                // Spring MVC logs every request it serves at DEBUG: lines written while serving one (an environment
                // variable can name a package only: logger names are taken from it in lower case)
                .withEnvironment("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_WEB_SERVLET", "DEBUG")
                .start();
        api = Api.on(services);
        sales = new Sales(api);
    }

    @AfterAll
    void stopServices() {
        services.close();
    }

    @Test
    void aQualificationMovesTheBusinessCountersAndTheProcessorsCatchUp() {
        PrometheusScrape before = scrape(COMMAND_SIDE);

        String leadId = sales.createLead(Leads.complete());
        sales.qualify(leadId, Leads.allRecords());
        api.awaitLead(leadId, Leads.qualificationCompleted());

        await().atMost(Api.CONSISTENCY).untilAsserted(() -> {
            assertCaughtUp(scrape(COMMAND_SIDE), "qualification-saga");
            assertCaughtUp(scrape(QUERY_SIDE), "read-models");
        });
        PrometheusScrape after = scrape(COMMAND_SIDE);
        for (String counter : List.of("leads_creations_total", "leads_qualifications_started_total",
                "leads_qualifications_completed_total")) {
            assertThat(after.sum(counter) - before.sum(counter)).as(counter).isGreaterThanOrEqualTo(1);
        }
        Map<String, String> qualifyHandled = Map.of("payload_type", "QualifyLead", "outcome", "success");
        assertThat(after.sum("axon_command_bus_handling_seconds_count", qualifyHandled)
                - before.sum("axon_command_bus_handling_seconds_count", qualifyHandled)).isGreaterThanOrEqualTo(1);
        assertThat(after.sum("http_server_requests_seconds_count", Map.of("uri", "/api/leads/{id}/qualify")))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.samples("axon_event_processor_handling_seconds_count"))
                .anyMatch(sample -> sample.labels().get("processor").equals("qualification-saga"));
        PrometheusScrape querySide = scrape(QUERY_SIDE);
        assertThat(querySide.samples("leads_dead_letters"))
                .extracting(sample -> sample.labels().get("processing_group"))
                .contains("lead-projection", "opportunity-projection");
        // the dashboard docker-compose.yml provisions shows metrics the services expose
        Set<String> exposed = new HashSet<>(after.names());
        exposed.addAll(querySide.names());
        assertThat(exposed).containsAll(GrafanaDashboard.read().metricNames());
    }

    @Test
    void onTheApisPortMetricsAreForAdministrators() {
        Api shared = Api.shared();
        for (Api.Side side : Api.Side.values()) {
            assertProblem(shared.anonymous().send(side, "GET", "/actuator/prometheus", null, null), 401, "unauthorized");
            assertProblem(shared.as(SAM).send(side, "GET", "/actuator/prometheus", null, null), 403, "forbidden");
            Reply scraped = shared.as(ADA).send(side, "GET", "/actuator/prometheus", null, null);
            assertThat(scraped.status()).as("%s", scraped).isEqualTo(200);
            assertThat(PrometheusScrape.parse(scraped.text()).names()).contains("leads_processor_lag_events");
        }
    }

    @Test
    void onAManagementPortOfItsOwnMetricsNeedNoCredentialsAndTheApisPortHasNone() {
        assertThat(scrape(COMMAND_SIDE).names()).contains("leads_qualifications_started_total");
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isNotEqualTo(200);
        assertThat(api.as(ADA).get("/actuator/prometheus").status()).isEqualTo(404);
    }

    @Test
    void theLogLinesOfARequestCarryItsCorrelationIdActorAndTraceId() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String correlationId = "operating-" + UUID.randomUUID();
        Reply created = api.as(SAM)
                .withHeader("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .withHeader("X-Correlation-Id", correlationId)
                .post("/api/leads", Leads.minimal());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String leadId = created.json().path("leadId").asText();

        List<JsonNode> lines = jsonLines("command-side").stream()
                .filter(line -> correlationId.equals(line.path("correlationId").asText(null)))
                .toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("actor").asText()).isEqualTo(SAM.username());
            assertThat(line.path("traceId").asText()).isEqualTo(traceId);
            assertThat(line.path("request").asText()).isEqualTo("POST /api/leads");
        });
        try (EventStoreTable events = new EventStoreTable(services.database())) {
            JsonNode metadata = events.eventsOf(leadId).get(0).metadata();
            assertThat(metadata.path("traceId").asText()).isEqualTo(traceId);
            assertThat(metadata.path("correlationId").asText()).isEqualTo(correlationId);
        }
    }

    private static void assertCaughtUp(PrometheusScrape scrape, String processor) {
        Map<String, String> of = Map.of("processor", processor);
        assertThat(scrape.samples("leads_processor_lag_events")).as("lag of %s", processor)
                .anyMatch(sample -> sample.labels().equals(of));
        assertThat(scrape.sum("leads_processor_lag_events", of)).as("events behind of %s", processor).isZero();
        assertThat(scrape.sum("leads_processor_lag_time_seconds", of)).as("seconds behind of %s", processor).isZero();
    }

    /** The service's metrics from its management port, without credentials. */
    private PrometheusScrape scrape(String service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(services.managementUrl(service) + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("%s: %s", request, answer.body()).isEqualTo(200);
            return PrometheusScrape.parse(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service's log lines that are JSON objects (all of them, once it has started with structured logs). */
    private List<JsonNode> jsonLines(String service) {
        try {
            return Files.readAllLines(services.log(service)).stream()
                    .filter(line -> line.startsWith("{"))
                    .map(line -> Json.parse(line.getBytes(StandardCharsets.UTF_8)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
