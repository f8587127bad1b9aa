package dev.leadqualification.benchmark.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leadqualification.benchmark.baseline.CommitCeiling;
import dev.leadqualification.benchmark.measure.HeapUsage;
import dev.leadqualification.benchmark.measure.TransactionRate;
import dev.leadqualification.benchmark.scenario.BulkImport;
import dev.leadqualification.benchmark.scenario.BulkQualification;
import dev.leadqualification.benchmark.scenario.DuplicateCheck;
import dev.leadqualification.benchmark.scenario.ProjectionReplay;
import dev.leadqualification.benchmark.scenario.QualificationLatency;
import dev.leadqualification.benchmark.scenario.SeveralInstances;

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
    /** Only the store for a replay was built and the replay run ({@code --scenario replay}). */
    public boolean replayOnly;
    public List<HeapUsage> memory;
    /** The several-instances scenario, when it was the one run (else left out). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public SeveralInstancesScenario severalInstances;
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

    /** Several instances of each side on one database (issue 20). */
    public static final class SeveralInstancesScenario {
        /** Bulk qualification with 1+1 instances (lead cache on, then off), then with more of each. */
        public final List<SeveralInstances.Configuration> configurations = new ArrayList<>();
        /** From the moment the larger configuration's instances were healthy until its segments were spread. */
        public Double secondsUntilBalanced;
        /** Single qualifications one after another, the larger configuration idle. */
        public QualificationLatency.Run idleLatency;
        /** The larger configuration idle, nothing sent to it. */
        public TransactionRate idleTransactions;
        public final List<SeveralInstances.TakeOver> takeOvers = new ArrayList<>();
        /** A set qualified through the survivors once they had taken over. */
        public BulkQualification.Run afterTakeOver;
    }

    @JsonIgnore
    public Double baselineRowsPerSecond() {
        return baseline == null ? null : baseline.rowsPerSecond();
    }
}
