package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Api.Side;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Problems;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.acceptance.support.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away and comes back while both services run (the TCP proxy between them and PostgreSQL is
 * cut, then restored). During the outage both report health DOWN and answer every request that needs the
 * database with 503 {@code service-unavailable} and {@code Retry-After}, never a 500, and write nothing. After
 * it both recover without a restart: health UP, commands work, the query side catches up, and every
 * qualification accepted before or after the outage completes. Runs its own services, behind its own proxy.
 */
class DatabaseOutageIT {

    private static final String UNAVAILABLE = "service-unavailable";
    /** How soon both services must notice the outage, and then its end. */
    private static final Duration NOTICE = Duration.ofSeconds(30);
    /** The processors retry with a growing back-off (Axon's, up to a minute) before they catch up. */
    private static final Duration RECOVERY = Duration.ofMinutes(3);

    private static TcpProxy proxy;
    private static RunningServices services;
    private static Api api;
    private static Sales sales;

    @BeforeAll
    static void ownServicesBehindAProxy() {
        services = RunningServices.prepareOwn("outage");
        proxy = TcpProxy.inFrontOf(services.database().jdbcUrl());
        services.withEnvironment("SPRING_DATASOURCE_URL", proxy.jdbcUrl()).start();
        api = Api.on(services);
        sales = new Sales(api);
    }

    @AfterAll
    static void stopThem() {
        if (services != null) {
            services.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void duringAnOutageRequestsAreAnsweredUnavailableAndAfterItNothingAcceptedIsLost() {
        String qualifiedBefore = sales.createLead(Leads.complete());
        sales.addNote(qualifiedBefore, object("title", "First call", "text", "Wants a demo."));
        JsonNode qualifiedBeforeResult = sales.qualify(qualifiedBefore, Leads.allRecords());
        JsonNode qualifiedBeforeRead = api.awaitLead(qualifiedBefore, Leads.qualificationCompleted());
        String refusedDuringOutage = sales.createLead(Leads.complete());
        JsonNode refusedBeforeOutage = sales.settledLead(refusedDuringOutage);
        String qualifiedAfter = sales.createLead(Leads.complete());
        String acceptedJustBefore = sales.createLead(Leads.complete());
        sales.addNote(acceptedJustBefore, object("title", "Visit", "text", "Needs it before May."));
        sales.qualify(acceptedJustBefore, Leads.allRecords());

        proxy.cut();

        awaitHealth(Side.COMMAND, 503, "DOWN");
        awaitHealth(Side.QUERY, 503, "DOWN");
        assertUnavailable(api.as(SAM).post("/api/leads", Leads.complete()));
        assertUnavailable(api.as(SAM).post("/api/leads/" + refusedDuringOutage + "/qualify", Leads.allRecords()));
        assertUnavailable(api.as(SAM).withHeader("Idempotency-Key", Leads.token()).post("/api/leads", Leads.complete()));
        assertUnavailable(api.as(ADA).get(Api.SETTINGS));
        assertBulkUnavailable(api.as(SAM).post("/api/leads/qualify",
                qualifyRequest(List.of(refusedDuringOutage, qualifiedAfter))));
        assertUnavailable(api.as(SAM).query("/api/leads/" + qualifiedBefore));
        assertUnavailable(api.as(SAM).query("/api/leads?q=contoso"));
        assertUnavailable(api.as(SAM).query("/api/accounts/" + qualifiedBeforeResult.path("accountId").asText()));
        assertUnavailable(api.as(ADA).query("/api/admin/projections"));

        proxy.restore();

        awaitHealth(Side.COMMAND, 200, "UP");
        awaitHealth(Side.QUERY, 200, "UP");
        awaitCompleted(acceptedJustBefore);
        awaitProjectionsCaughtUp();
        assertThat(api.awaitRecord("/api/leads/" + qualifiedBefore)).isEqualTo(qualifiedBeforeRead);
        sales.assertUnchangedSince(refusedBeforeOutage);
        sales.qualify(refusedDuringOutage, Leads.allRecords());
        sales.qualify(qualifiedAfter, Leads.allRecords());
        awaitCompleted(refusedDuringOutage);
        awaitCompleted(qualifiedAfter);
    }

    private static void assertUnavailable(Reply reply) {
        Problems.assertProblem(reply, 503, UNAVAILABLE);
        assertThat(reply.header("Retry-After")).as("Retry-After of %s", reply).matches("[1-9][0-9]*");
    }

    /** A bulk qualify is answered, each lead with the 503 problem: none was qualified. */
    private static void assertBulkUnavailable(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        for (JsonNode result : reply.json().path("results")) {
            assertThat(result.path("outcome").asText()).as("%s", result).isEqualTo("REJECTED");
            assertThat(result.path("problem").path("status").asInt()).as("%s", result).isEqualTo(503);
            assertThat(result.path("problem").path("type").asText()).as("%s", result)
                    .isEqualTo(Problems.TYPE_BASE + UNAVAILABLE);
        }
        assertThat(reply.json().path("results")).as("%s", reply).hasSize(2);
    }

    private static void awaitHealth(Side side, int status, String health) {
        await().atMost(NOTICE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Reply reply = api.anonymous().send(side, "GET", "/actuator/health", null, null);
            assertThat(reply.status()).as("%s", reply).isEqualTo(status);
            assertThat(reply.json().path("status").asText()).as("%s", reply).isEqualTo(health);
        });
    }

    /** The lead's qualification completed, its opportunity carrying the lead's notes. */
    private static void awaitCompleted(String leadId) {
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Reply lead = api.as(SAM).query("/api/leads/" + leadId);
            assertThat(lead.status()).as("%s", lead).isEqualTo(200);
            assertThat(Leads.qualificationCompleted().test(lead.json())).as("%s", lead).isTrue();
            Reply opportunity = api.as(SAM).query("/api/opportunities/"
                    + lead.json().path("qualification").path("opportunityId").asText());
            assertThat(opportunity.status()).as("%s", opportunity).isEqualTo(200);
            assertThat(opportunity.json().path("notes")).as("%s", opportunity).hasSameSizeAs(lead.json().path("notes"));
        });
    }

    private static void awaitProjectionsCaughtUp() {
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Reply projections = api.as(ADA).query("/api/admin/projections");
            assertThat(projections.status()).as("%s", projections).isEqualTo(200);
            for (JsonNode projection : projections.json()) {
                assertThat(projection.path("lag").asLong()).as("%s", projection).isZero();
            }
        });
    }

    private static ObjectNode qualifyRequest(List<String> leadIds) {
        return Leads.allRecords().set("leadIds", Json.MAPPER.valueToTree(leadIds));
    }
}
