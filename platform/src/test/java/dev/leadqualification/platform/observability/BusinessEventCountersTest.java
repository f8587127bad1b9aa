package dev.leadqualification.platform.observability;

import dev.leadqualification.kernel.duplicates.DuplicateExperience;
import dev.leadqualification.kernel.lead.DisqualificationReason;
import dev.leadqualification.kernel.lead.DuplicateDetected;
import dev.leadqualification.kernel.lead.LeadDisqualified;
import dev.leadqualification.kernel.lead.LeadQualificationCompleted;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The counters move when the unit of work that publishes an event commits, and only then. */
class BusinessEventCountersTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final SimpleEventBus eventBus = SimpleEventBus.builder().build();

    BusinessEventCountersTest() {
        eventBus.registerDispatchInterceptor(new BusinessEventCounters(registry));
    }

    @Test
    void everySeriesExistsAtZeroBeforeItsFirstEvent() {
        assertThat(count("leads.creations")).isZero();
        assertThat(count("leads.qualifications.started")).isZero();
        for (DisqualificationReason reason : DisqualificationReason.values()) {
            assertThat(count("leads.disqualified", "reason", reason.name())).isZero();
        }
        for (DuplicateExperience experience : DuplicateExperience.values()) {
            assertThat(count("leads.duplicate.warnings", "experience", experience.name())).isZero();
        }
    }

    @Test
    void anEventIsCountedWhenItsUnitOfWorkCommits() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        publish(new LeadDisqualified("lead-1", DisqualificationReason.LOST, null));
        publish(new DuplicateDetected("lead-2", DuplicateExperience.MAY_ALREADY_EXIST, List.of(), List.of()));
        assertThat(count("leads.disqualified", "reason", "LOST")).isZero();

        unitOfWork.commit();

        assertThat(count("leads.disqualified", "reason", "LOST")).isEqualTo(1);
        assertThat(count("leads.disqualified", "reason", "CANCELED")).isZero();
        assertThat(count("leads.duplicate.warnings", "experience", "MAY_ALREADY_EXIST")).isEqualTo(1);
    }

    @Test
    void anEventOfAUnitOfWorkRolledBackIsNotCounted() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        publish(new LeadQualificationCompleted("lead-1", "qualification-1"));

        unitOfWork.rollback();

        assertThat(count("leads.qualifications.completed")).isZero();
    }

    @Test
    void anEventPublishedOutsideAUnitOfWorkIsCountedAtOnce() {
        publish(new LeadQualificationCompleted("lead-1", "qualification-1"));

        assertThat(count("leads.qualifications.completed")).isEqualTo(1);
    }

    private void publish(Object event) {
        eventBus.publish(GenericEventMessage.asEventMessage(event));
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }
}
