package dev.leadqualification.command.architecture;

import dev.leadqualification.platform.fence.AxonExtension;
import dev.leadqualification.platform.testing.AxonExtensionsFence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side's extensions of Axon: named, and fenced by the Axon version (platform.fence). */
class AxonExtensionsFenceTest {

    @Test
    void everyExtensionSaysWhatItReliesOnAndWasCheckedAgainstTheAxonOnTheClassPath() {
        assertThat(AxonExtensionsFence.holds("dev.leadqualification.command")).extracting(AxonExtension::name)
                .containsExactlyInAnyOrder("fresh-id-creation", "store-checked-lead-cache");
    }
}
