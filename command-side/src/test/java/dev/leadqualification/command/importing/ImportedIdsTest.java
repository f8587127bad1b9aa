package dev.leadqualification.command.importing;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The ids a file imported so far, with the line of each. */
class ImportedIdsTest {

    @Test
    void remembersTheLineOfEachIdThroughGrowthAndKnowsNoOthers() {
        ImportedIds ids = new ImportedIds();
        int count = 50_000;

        for (int line = 1; line <= count; line++) {
            ids.add(sequentialId(line), line);
        }

        for (int line = 1; line <= count; line++) {
            assertThat(ids.lineOf(sequentialId(line))).isEqualTo(line);
        }
        assertThat(ids.lineOf(sequentialId(count + 1))).isZero();
        assertThat(ids.lineOf(UUID.randomUUID().toString())).isZero();
    }

    @Test
    void theFirstLineOfAnIdIsKept() {
        ImportedIds ids = new ImportedIds();
        String id = UUID.randomUUID().toString();

        ids.add(id, 3);
        ids.add(id, 9);

        assertThat(ids.lineOf(id)).isEqualTo(3);
    }

    /** Client-chosen ids are often sequential rather than random. */
    private static String sequentialId(int n) {
        return "00000000-0000-4000-8000-%012d".formatted(n);
    }
}
