package dev.leadqualification.command.importing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Event identifiers of an import: UUIDs whose text grows with every one, so their index grows at its end. */
class TimeOrderedIdsTest {

    @Test
    void everyIdIsANewVersion7UuidSortingAfterTheOneBefore() {
        TimeOrderedIds ids = new TimeOrderedIds();
        List<String> issued = new ArrayList<>();

        for (int i = 0; i < 50_000; i++) {
            issued.add(ids.next());
        }

        assertThat(issued).isSorted().doesNotHaveDuplicates();
        UUID first = UUID.fromString(issued.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).as("milliseconds")
                .isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis() + 60_000);
    }
}
