package dev.leadqualification.benchmark;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTest {

    @Test
    void theDefaultsAreTheIssuesSizes() {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertThat(options.leads()).isEqualTo(10_000);
        assertThat(options.batch()).isEqualTo(1_000);
        assertThat(options.clients()).isEqualTo(16);
        assertThat(options.accounts()).isEqualTo(1_000_000);
        assertThat(options.contacts()).isEqualTo(1_000_000);
        assertThat(options.duplicateChecks()).isEqualTo(1_000);
        assertThat(options.duplicateWarmup()).isEqualTo(10_000);
        assertThat(options.baselineThreads()).isEqualTo(16);
        assertThat(options.baselineDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.serviceHeap()).isEqualTo("512m");
        assertThat(options.servicesGiven()).isFalse();
        assertThat(options.severalInstances()).isFalse();
        assertThat(options.servicePoolSize()).isEmpty();
        assertThat(BenchmarkOptions.parse("--service-pool-size", "5").servicePoolSize()).contains(5);
    }

    @Test
    void theSeveralInstancesScenarioStartsItsInstancesItself() {
        BenchmarkOptions options = BenchmarkOptions.parse("--scenario", "several-instances", "--idle-seconds", "30");

        assertThat(options.severalInstances()).isTrue();
        assertThat(options.instances()).isEqualTo(2);
        assertThat(options.idleWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> BenchmarkOptions.parse("--scenario", "several-instances", "--command-url", "http://c",
                "--query-url", "http://q", "--user", "u")).hasMessageContaining("no --command-url");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--scenario", "other")).hasMessageContaining("--scenario must be");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--instances", "1")).hasMessageContaining("2 or more");
    }

    @Test
    void takesValuesAfterASpaceOrAnEqualsSign() {
        BenchmarkOptions options = BenchmarkOptions.parse("--leads", "200", "--batch=50", "--home", "/tmp/x");

        assertThat(options.leads()).isEqualTo(200);
        assertThat(options.batch()).isEqualTo(50);
        assertThat(options.commandJar()).isEqualTo(Path.of("/tmp/x/command-side/target/command-side.jar"));
        assertThat(options.output()).isEqualTo(Path.of("/tmp/x/benchmark/target/report"));
    }

    @Test
    void refusesWhatItCannotRun() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--lead", "5")).hasMessageContaining("Unknown option --lead");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--leads")).hasMessageContaining("--leads needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--leads", "many")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--batch", "1001")).hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--clients", "0")).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--warmup-rounds", "27")).hasMessageContaining("at most 26");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--duplicate-warmup", "-1")).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--command-url", "http://localhost:8080"))
                .hasMessageContaining("--query-url");
    }

    @Test
    void theReportsParametersLeaveThePasswordsOut() {
        BenchmarkOptions options = BenchmarkOptions.parse("--command-url", "http://c", "--query-url", "http://q",
                "--user", "admin", "--password", "secret", "--jdbc-password", "also-secret");

        assertThat(options.servicesGiven()).isTrue();
        assertThat(options.asParameters()).containsEntry("user", "admin").containsEntry("leads", "10000")
                .doesNotContainKeys("password", "jdbc-password", "postgres-password");
    }
}
