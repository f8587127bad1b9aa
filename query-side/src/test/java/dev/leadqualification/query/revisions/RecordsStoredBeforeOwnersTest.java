package dev.leadqualification.query.revisions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.leadqualification.platform.upcasting.StoredBeforeOwners;
import dev.leadqualification.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events stored by the version before owners and campaigns (revision 1, as it wrote them) are projected, and
 * replayed, with sensible values: each record's owner is the user who created it (the qualification's records: the
 * qualifying user), and the lead's campaign, the contact's and the opportunity's lead source are absent.
 */
class RecordsStoredBeforeOwnersTest extends QuerySideTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theReadModelsShowTheOwnersTheUpcastersGiveAndAReplayBuildsThemAlike() {
        StoredBeforeOwners stored = StoredBeforeOwners.withNewIds();
        stored.events().forEach(event -> jdbc.update(StoredBeforeOwners.INSERT, event.insertParameters()));

        JsonNode before = readAll(stored);

        assertThat(rest.withBasicAuth(ADMIN, PASSWORD).postForEntity("/api/admin/projections/replay", null,
                JsonNode.class).getStatusCode().value()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode projections = get(ADMIN, "/api/admin/projections").getBody();
            projections.forEach(projection -> {
                assertThat(projection.path("lag").asLong()).isZero();
                assertThat(projection.path("replaying").asBoolean()).isFalse();
            });
            assertThat(readAll(stored)).isEqualTo(before);
        });
    }

    /** Every record of the stored qualification, as the query side shows it once it has applied all its events. */
    private JsonNode readAll(StoredBeforeOwners stored) {
        JsonNode lead = eventually("/api/leads/" + stored.leadId(), json -> {
            assertThat(json.path("version").asLong()).isEqualTo(2);
            assertThat(json.path("ownerId").asText()).isEqualTo(StoredBeforeOwners.CREATOR);
            assertThat(json.path("createdBy").asText()).isEqualTo(StoredBeforeOwners.CREATOR);
            assertThat(json.path("qualification").path("completed").asBoolean()).isTrue();
            assertThat(json.hasNonNull("campaign")).as("%s", json).isFalse();
        });
        JsonNode account = eventually("/api/accounts/" + stored.accountId(), json -> {
            assertThat(json.path("ownerId").asText()).isEqualTo(StoredBeforeOwners.QUALIFIER);
            assertThat(json.path("originatingLeadId").asText()).isEqualTo(stored.leadId());
        });
        JsonNode contact = eventually("/api/contacts/" + stored.contactId(), json -> {
            assertThat(json.path("ownerId").asText()).isEqualTo(StoredBeforeOwners.QUALIFIER);
            assertThat(json.hasNonNull("leadSource")).as("%s", json).isFalse();
        });
        JsonNode opportunity = eventually("/api/opportunities/" + stored.opportunityId(), json -> {
            assertThat(json.path("ownerId").asText()).isEqualTo(StoredBeforeOwners.QUALIFIER);
            assertThat(json.path("name").asText()).isEqualTo("Fleet telematics for 40 vans");
            assertThat(json.hasNonNull("leadSource") || json.hasNonNull("campaign")).as("%s", json).isFalse();
        });
        JsonNode owned = get(SALES, "/api/accounts?owner=" + StoredBeforeOwners.QUALIFIER + "&size=200").getBody();
        assertThat(owned.path("items").findValuesAsText("accountId")).contains(stored.accountId());
        return JsonNodeFactory.instance.arrayNode().add(lead).add(account).add(contact).add(opportunity);
    }
}
