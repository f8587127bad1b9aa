package dev.leadqualification.benchmark.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Rounds of bulk qualification before scenario 1, each a new set qualified and measured as scenario 1 is, so that
 * scenario 1 measures the services as they run once the JIT compilers are done with their code. On the 2-core
 * development machine, sets of 1,000 went from 160 leads/s after the start to 430–444 by the seventh, and in sets
 * of 4,000 measured apart the C2 compiler thread took 28% of the command side's CPU while the second was qualified
 * (async-profiler), the command side's CPU per lead falling from 2.5 ms in the first set to 0.93 ms in the sixth.
 * Each round's figures are reported, so the cold start shows too.
 */
public final class WarmUp {

    private WarmUp() {
    }

    /**
     * Qualifies {@code rounds} sets of {@code leadsPerRound} leads in calls of the options' batch size; the sets are
     * named {@code setName} and a letter (so that none begins another). Returns each round's run, in order.
     */
    public static List<BulkQualification.Run> rounds(ScenarioContext context, String setName, int leadsPerRound,
                                                     int rounds) {
        if (rounds > 26) {
            throw new IllegalArgumentException("At most 26 warm-up rounds (one letter each)");
        }
        List<BulkQualification.Run> runs = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            runs.add(BulkQualification.inBatches(context, setName + (char) ('a' + round), leadsPerRound));
        }
        return runs;
    }
}
