package dev.leadqualification.platform.fence;

import dev.leadqualification.platform.eventstore.NotifiedEventStore;
import dev.leadqualification.platform.eventstore.SnapshotFreeJdbcEventStorageEngine;
import dev.leadqualification.platform.testing.AxonExtensionsFence;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's extensions of Axon: named, fenced by the Axon version, each turned off by its setting. */
class AxonExtensionsFenceTest {

    @Test
    void everyExtensionSaysWhatItReliesOnAndWasCheckedAgainstTheAxonOnTheClassPath() {
        assertThat(AxonExtensionsFence.holds("dev.leadqualification.platform")).extracting(AxonExtension::name)
                .containsExactlyInAnyOrder("streamlined-processing", "snapshot-free-storage",
                        "event-store-notifications", "database-clock");
    }

    @Test
    void eachIsOnUnlessItsOwnSettingOrTheOneForAllSaysOff() {
        assertThat(AxonExtensions.isOn(new MockEnvironment(), NotifiedEventStore.NAME)).isTrue();
        assertThat(AxonExtensions.isOn(new MockEnvironment()
                .withProperty("leads.axon-extensions.event-store-notifications.enabled", "false"),
                NotifiedEventStore.NAME)).isFalse();
        assertThat(AxonExtensions.isOn(new MockEnvironment()
                .withProperty("leads.axon-extensions.event-store-notifications.enabled", "false"),
                SnapshotFreeJdbcEventStorageEngine.NAME)).isTrue();
        assertThat(AxonExtensions.isOn(new MockEnvironment().withProperty("leads.axon-extensions.enabled", "false"),
                SnapshotFreeJdbcEventStorageEngine.NAME)).isFalse();
    }
}
