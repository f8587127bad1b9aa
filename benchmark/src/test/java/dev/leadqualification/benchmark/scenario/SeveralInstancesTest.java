package dev.leadqualification.benchmark.scenario;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When the benchmark takes the processors' segments as spread over the live instances. */
class SeveralInstancesTest {

    private static final String COMMAND_A = "command-side/host/aaaaaaaa";
    private static final String COMMAND_B = "command-side/host/bbbbbbbb";
    private static final String QUERY_A = "query-side/host/cccccccc";
    private static final String QUERY_B = "query-side/host/dddddddd";

    @Test
    void spreadWhenEachInstanceHoldsItsShare() {
        Map<String, Map<Integer, String>> owners = Map.of(
                "qualification-saga", Map.of(0, COMMAND_A, 1, COMMAND_B),
                "duplicate-rule-publication", Map.of(0, COMMAND_B),
                "read-models", Map.of(0, QUERY_B, 1, QUERY_A));

        assertThat(SeveralInstances.spread(owners, service -> 2)).isTrue();
    }

    @Test
    void notWhileOneInstanceHoldsSegmentsAnotherCouldTake() {
        Map<String, Map<Integer, String>> owners = Map.of(
                "qualification-saga", Map.of(0, COMMAND_A, 1, COMMAND_A),
                "read-models", Map.of(0, QUERY_B, 1, QUERY_A));

        assertThat(SeveralInstances.spread(owners, service -> 2)).isFalse();
        assertThat(SeveralInstances.spread(owners, service -> service.equals("command-side") ? 1 : 2)).isTrue();
    }

    @Test
    void notWhileASegmentIsReleased() {
        Map<Integer, String> released = new HashMap<>();
        released.put(0, QUERY_A);
        released.put(1, null);

        assertThat(SeveralInstances.spread(Map.of("read-models", released), service -> 1)).isFalse();
    }

    @Test
    void theServiceIsTheFirstPartOfAnInstancesName() {
        assertThat(SeveralInstances.service(COMMAND_A)).isEqualTo("command-side");
        assertThat(SeveralInstances.service("query-side")).isEqualTo("query-side");
    }
}
