package org.ferry.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pins the Prometheus names (with the {@code application} tag every service adds) Micrometer gives
 * Ferry's meters: the alert rules and the dashboard query exactly these, so a renamed meter or a
 * lost unit must fail here first.
 */
class PrometheusNamesTest {

  private static final String SCRAPE = EveryFerryMeter.registry().scrape();

  @Test
  void operationCountersEndInTotalWithOperationOutcomeAndReason() {
    assertHasLine(
        "ferry_operations_total{application=\"push-worker\",operation=\"push\",outcome=\"succeeded\",reason=\"none\"} 1.0");
    assertHasLine(
        "ferry_operations_total{application=\"push-worker\",operation=\"push\",outcome=\"failed\",reason=\"bad-archive\"} 1.0");
    assertHasLine(
        "ferry_operations_started_total{application=\"push-worker\",operation=\"push\"} 2.0");
  }

  @Test
  void operationDurationIsAHistogramInSeconds() {
    assertHasLine(
        "ferry_operation_duration_seconds_bucket{application=\"push-worker\",operation=\"push\",outcome=\"succeeded\",le=\"+Inf\"} 1");
    assertHasLine(
        "ferry_operation_duration_seconds_count{application=\"push-worker\",operation=\"push\",outcome=\"failed\"} 1");
    assertThat(SCRAPE)
        .contains(
            "ferry_operation_duration_seconds_sum{application=\"push-worker\",operation=\"push\"");
  }

  @Test
  void eachStageAnOperationReportedIsTimedUntilTheNextStageOrTheEnd() {
    assertHasLine(
        "ferry_operation_stage_duration_seconds_bucket{application=\"push-worker\",operation=\"push\",stage=\"uploading\",le=\"+Inf\"} 1");
    assertHasLine(
        "ferry_operation_stage_duration_seconds_sum{application=\"push-worker\",operation=\"push\",stage=\"checking\"} 2.0");
    assertHasLine(
        "ferry_operation_stage_duration_seconds_sum{application=\"push-worker\",operation=\"push\",stage=\"uploading\"} 3.0");
  }

  @Test
  void runningOperationsAreGaugesPerOperation() {
    assertHasLine("ferry_operations_in_flight{application=\"push-worker\",operation=\"push\"} 0.0");
    assertHasLine(
        "ferry_operation_oldest_running_seconds{application=\"push-worker\",operation=\"push\"} 0.0");
  }

  @Test
  void bytesCountersCarryTheirUnit() {
    assertHasLine("ferry_read_bytes_total{application=\"push-worker\",operation=\"push\"} 1024.0");
    assertHasLine(
        "ferry_written_bytes_total{application=\"push-worker\",operation=\"export\"} 1024.0");
  }

  @Test
  void registryRetriesAreCountedByResilience4j() {
    assertHasLine(
        "resilience4j_retry_calls_total{application=\"push-worker\",kind=\"failed_with_retry\",name=\"registry\"} 0.0");
    assertHasLine(
        "resilience4j_retry_calls_total{application=\"push-worker\",kind=\"successful_with_retry\",name=\"registry\"} 0.0");
  }

  private static void assertHasLine(String line) {
    assertThat(SCRAPE).containsPattern(Pattern.compile("(?m)^" + Pattern.quote(line) + "$"));
  }
}
