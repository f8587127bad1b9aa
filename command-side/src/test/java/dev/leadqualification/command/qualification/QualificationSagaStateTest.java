package dev.leadqualification.command.qualification;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.kernel.contact.CreateContact;
import dev.leadqualification.kernel.lead.LeadQualified;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import static dev.leadqualification.command.support.CommandOutcomes.failing;
import static dev.leadqualification.command.support.LeadQualifiedBuilder.qualified;
import static dev.leadqualification.command.support.LeadSamples.LEAD_ID;
import static dev.leadqualification.command.support.LeadSamples.QUALIFICATION_ID;
import static dev.leadqualification.command.support.LeadSamples.contactFromFullLead;
import static org.assertj.core.api.Assertions.assertThat;

/** The saga's state survives the saga store: Jackson, as Spring Boot configures it, writes and reads it back. */
class QualificationSagaStateTest {

    private static final LeadQualified CONTACT_ONLY = qualified().contact(contactFromFullLead(null)).build();

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().findAndAddModules().build())
            .build();
    private final RecordingCommandBus commandBus = new RecordingCommandBus();

    private QualificationSaga sagaThatHandled(LeadQualified event) {
        QualificationSaga saga = new QualificationSaga();
        CommandGateway gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
        ReflectionTestUtils.setField(saga, "commandGateway", gateway);
        saga.on(event);
        return saga;
    }

    /** Writes the saga as the saga store would, reads it back and expects the same state. */
    private void assertSurvivesTheStore(QualificationSaga saga, QualificationSaga.Outcome expectedOutcome) {
        SerializedObject<String> serialized = serializer.serialize(saga, String.class);
        assertThat(serialized.getData()).isNotEqualTo("{}").contains(LEAD_ID).contains(QUALIFICATION_ID)
                .doesNotContain("commandGateway");

        QualificationSaga restored = serializer.deserialize(serialized);

        assertThat(restored.leadId()).isEqualTo(LEAD_ID);
        assertThat(restored.qualificationId()).isEqualTo(QUALIFICATION_ID);
        assertThat(restored.outcome()).isEqualTo(expectedOutcome);
    }

    @Test
    void aSagaWhoseRecordsWereCreatedKeepsItsState() {
        assertSurvivesTheStore(sagaThatHandled(CONTACT_ONLY), QualificationSaga.Outcome.RECORDS_CREATED);
    }

    @Test
    void aFailedSagaKeepsItsState() {
        commandBus.setCallbackBehavior(failing(CreateContact.class, new DomainRuleViolation("id-conflict", "taken")));

        assertSurvivesTheStore(sagaThatHandled(CONTACT_ONLY), QualificationSaga.Outcome.FAILED);
    }
}
