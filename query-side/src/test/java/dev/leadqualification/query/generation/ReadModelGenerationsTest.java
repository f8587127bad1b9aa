package dev.leadqualification.query.generation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.query.QuerySideTest;
import dev.leadqualification.query.SampleData;
import dev.leadqualification.query.readmodel.ProjectionConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The generations of the read models on a real database: where connections point, a rebuild resumed after its builder
 * died, and read models of an older shape rebuilt by this version on its own.
 */
class ReadModelGenerationsTest extends QuerySideTest {

    @Autowired
    private Generations generations;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void everyConnectionReadsTheLiveGenerationAndTheBuildingThreadItsOwn() {
        String live = generations.live().schemaName();

        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(live);
        assertThat(GenerationRouting.onGeneration("read_models_0",
                () -> jdbc.queryForObject("SHOW search_path", String.class))).isEqualTo("read_models_0, public");
        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(live);
    }

    @Test
    void readModelsOfAnOlderShapeAreRebuiltInThisVersionsShapeWithoutBeingAsked() {
        String leadId = newId();
        append("Lead", leadId,
                new LeadCreated(leadId, SampleData.lead("Alan", "Turing", "Bombe", "alan@bombe.example"), "sam"));
        JsonNode before = eventually("/api/leads/" + leadId, lead -> assertThat(lead.path("version").asLong()).isZero());
        Generation old = generations.live();

        // as if an older version had built the live generation: this one builds its own and switches to it
        jdbc.update("UPDATE read_model_generation SET schema_version = ? WHERE generation = ?",
                ReadModelSchema.VERSION - 1, old.number());

        await().atMost(Duration.ofSeconds(60)).until(() -> generations.live().number() > old.number());
        assertThat(generations.live().schemaVersion()).isEqualTo(ReadModelSchema.VERSION);
        assertThat(get(SALES, "/api/leads/" + leadId).getBody()).isEqualTo(before);
        StreamingEventProcessor readModels = processing.eventProcessor(ProjectionConfiguration.PROCESSOR,
                StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(readModels::isRunning);
        append("Lead", leadId, new NoteAdded(leadId, newId(), "Call", "Asked about the Enigma", null));
        eventually("/api/leads/" + leadId, lead -> assertThat(lead.path("notes")).hasSize(1));
    }

    @Test
    void aRebuildWhoseBuilderDiedIsResumedByALiveInstanceWhichSwitchesEveryReadToIt() {
        String leadId = newId();
        append("Lead", leadId,
                new LeadCreated(leadId, SampleData.lead("Ada", "Lovelace", "Engines", "ada@engines.example"), "sam"));
        append("Lead", leadId, new NoteAdded(leadId, newId(), "Call", "Wants the analytical one", null));
        JsonNode before = eventually("/api/leads/" + leadId, lead -> assertThat(lead.path("version").asLong()).isEqualTo(1));
        Generation old = generations.live();

        // begun by an instance that is gone: no connection of the database carries its name
        Generation begun = new TransactionTemplate(transactionManager)
                .execute(status -> generations.begin("query-side/gone/deadbeef"));

        await().atMost(Duration.ofSeconds(60)).until(() -> generations.live().number() == begun.number());
        Generation resumed = jdbc.queryForObject("SELECT attempt FROM read_model_generation WHERE generation = ?",
                Integer.class, begun.number()) == 2 ? generations.live() : null;
        assertThat(resumed).as("resumed once, by this instance").isNotNull();
        assertThat(resumed.resumedFrom()).isZero();
        assertThat(resumed.schemaVersion()).isEqualTo(ReadModelSchema.VERSION);
        assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(begun.schemaName());
        assertThat(get(SALES, "/api/leads/" + leadId).getBody()).isEqualTo(before);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pg_namespace WHERE nspname = ?", Integer.class, old.schemaName()) == 0);
        // the live processor goes on in the new generation, from where the rebuild ended
        append("Lead", leadId, new NoteAdded(leadId, newId(), "Mail", "Sent the plans", null));
        eventually("/api/leads/" + leadId, lead -> assertThat(lead.path("notes")).hasSize(2));
    }
}
