package dev.leadqualification.platform.identifiers;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Identifiers of messages and new records: UUIDs whose text grows with every one, so their indexes grow at the end. */
class TimeOrderedIdentifierFactoryTest {

    @Test
    void everyIdIsANewVersion7UuidSortingAfterTheOneBefore() {
        TimeOrderedIdentifierFactory ids = new TimeOrderedIdentifierFactory();
        List<String> issued = new ArrayList<>();

        // many within one millisecond: they must grow all the same
        for (int i = 0; i < 50_000; i++) {
            issued.add(ids.generateIdentifier());
        }

        assertThat(issued).isSorted().doesNotHaveDuplicates();
        UUID first = UUID.fromString(issued.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).as("milliseconds")
                .isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis() + 60_000);
    }

    @Test
    void axonNamesItsMessagesWithThem() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);

        String earlier = GenericEventMessage.asEventMessage("an event").getIdentifier();
        String later = GenericEventMessage.asEventMessage("another event").getIdentifier();

        assertThat(UUID.fromString(earlier).version()).isEqualTo(7);
        assertThat(later).isGreaterThan(earlier);
    }
}
