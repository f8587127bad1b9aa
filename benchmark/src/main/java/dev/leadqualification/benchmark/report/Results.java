package dev.leadqualification.benchmark.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.leadqualification.benchmark.baseline.CommitCeiling;
import dev.leadqualification.benchmark.measure.HeapUsage;
import dev.leadqualification.benchmark.scenario.BulkImport;
import dev.leadqualification.benchmark.scenario.BulkQualification;
import dev.leadqualification.benchmark.scenario.DuplicateCheck;
import dev.leadqualification.benchmark.scenario.ProjectionReplay;
import dev.leadqualification.benchmark.scenario.QualificationLatency;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one run measured, filled in as the scenarios run; a part that failed or was not run stays null
 * (the failure is in {@link #errors}).
 */
public final class Results {

    public CommitCeiling.Result baseline;
    public final BulkQualificationScenario bulkQualification = new BulkQualificationScenario();
    public final LatencyScenario latency = new LatencyScenario();
    public final ScaleScenario scale = new ScaleScenario();
    public ProjectionReplay.Run replay;
    public List<HeapUsage> memory;
    /** What stopped a part of the run; the report lists them once, at its top level. */
    @JsonIgnore
    public final List<String> errors = new ArrayList<>();

    /** Scenario 1. */
    public static final class BulkQualificationScenario {
        /** The warm-up rounds before it, measured alike: the first shows the services cold. */
        public final List<BulkQualification.Run> warmup = new ArrayList<>();
        public BulkQualification.Run batch;
        public BulkQualification.Run clients;
    }

    /** Scenario 2. */
    public static final class LatencyScenario {
        public QualificationLatency.Run idle;
        public QualificationLatency.Run underLoad;
    }

    /** Scenario 3. */
    public static final class ScaleScenario {
        public DuplicateCheck.Run duplicateCheckOnEmptyStore;
        public final List<BulkImport.Run> imports = new ArrayList<>();
        /** Events the import wrote ÷ seconds from its start until every projection had them. */
        public Double importProjectedEventsPerSecond;
        public DuplicateCheck.Run duplicateCheckAtScale;
        public BulkQualification.Run batchAtScale;
    }

    @JsonIgnore
    public Double baselineRowsPerSecond() {
        return baseline == null ? null : baseline.rowsPerSecond();
    }
}
