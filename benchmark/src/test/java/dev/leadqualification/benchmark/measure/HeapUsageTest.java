package dev.leadqualification.benchmark.measure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeapUsageTest {

    @Test
    void thePeakIsTheLargestHeapBeforeACollectionOrAtExit() {
        List<String> log = List.of(
                "[0.027s] Using G1",
                "[5.120s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 120M->31M(256M) 4.100ms",
                "[6.001s] GC(8) Pause Young (Concurrent Start) (G1 Humongous Allocation) 169M->101M(380M) 14.621ms",
                "[6.002s] GC(9) Concurrent Undo Cycle",
                "[6.050s] GC(9) Concurrent Undo Cycle 46.949ms",
                "[7.000s] GC(10) Pause Remark 150M->148M(380M) 2.000ms",
                "[9.000s] GC(11) Pause Full (G1 Compaction Pause) 1G->200M(512M) 300.000ms",
                "[9.500s] Heap",
                "[9.500s]  garbage-first heap   total 416768K, used 187918K [0x00000000e0000000, 0x0000000100000000)");

        HeapUsage usage = HeapUsage.of("query-side", "512m", log, false);

        assertThat(usage.collections()).isEqualTo(4);
        assertThat(usage.fullCollections()).isEqualTo(1);
        assertThat(usage.peakUsedMb()).isEqualTo(1024.0);
        assertThat(usage.maxAfterCollectionMb()).isEqualTo(200.0);
    }

    @Test
    void withoutACollectionTheHeapAtExitIsThePeak() {
        HeapUsage usage = HeapUsage.of("command-side", "512m", List.of(
                "[0.644s] Heap",
                "[0.644s]  garbage-first heap   total 416768K, used 187918K [0x00000000e0000000, 0x0000000100000000)"), false);

        assertThat(usage.collections()).isZero();
        assertThat(usage.peakUsedMb()).isEqualTo(187918 / 1024.0);
        assertThat(usage.maxAfterCollectionMb()).isNull();
    }

    @Test
    void anEmptyLogMeasuresNothing() {
        HeapUsage usage = HeapUsage.of("command-side", "512m", List.of(), true);

        assertThat(usage.peakUsedMb()).isNull();
        assertThat(usage.outOfMemory()).isTrue();
    }
}
