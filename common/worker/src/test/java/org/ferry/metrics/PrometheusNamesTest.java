package org.ferry.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pins the Prometheus names Micrometer gives Ferry's meters: the alert rules and the dashboard
 * query exactly these, so a renamed meter or a lost unit must fail here first.
 */
class PrometheusNamesTest {

  private static final String SCRAPE = EveryFerryMeter.registry().scrape();

  @Test
  void operationCountersEndInTotalWithOperationOutcomeAndReason() {
    assertHasLine(
        "ferry_operations_total{operation=\"push\",outcome=\"succeeded\",reason=\"none\"} 1.0");
    assertHasLine(
        "ferry_operations_total{operation=\"push\",outcome=\"failed\",reason=\"bad-archive\"} 1.0");
    assertHasLine("ferry_operations_started_total{operation=\"push\"} 2.0");
    assertHasLine("ferry_operations_requested_total{operation=\"push\",source=\"watcher\"} 1.0");
  }

  @Test
  void operationDurationIsAHistogramInSeconds() {
    assertHasLine(
        "ferry_operation_duration_seconds_bucket{operation=\"push\",outcome=\"succeeded\",le=\"+Inf\"} 1");
    assertHasLine(
        "ferry_operation_duration_seconds_count{operation=\"push\",outcome=\"failed\"} 1");
    assertThat(SCRAPE).contains("ferry_operation_duration_seconds_sum{operation=\"push\"");
    assertHasLine(
        "ferry_operation_stage_duration_seconds_bucket{operation=\"push\",stage=\"upload\",le=\"+Inf\"} 1");
    assertHasLine(
        "ferry_operation_stage_duration_seconds_sum{operation=\"push\",stage=\"upload\"} 3.0");
  }

  @Test
  void runningOperationsAreGaugesPerOperation() {
    assertHasLine("ferry_operations_in_flight{operation=\"push\"} 0.0");
    assertHasLine("ferry_operation_oldest_running_seconds{operation=\"push\"} 0.0");
  }

  @Test
  void bytesCountersCarryTheirUnit() {
    assertHasLine("ferry_read_bytes_total{operation=\"push\"} 1024.0");
    assertHasLine("ferry_written_bytes_total{operation=\"push\"} 1024.0");
  }

  @Test
  void watcherMetricsHaveTheNamesTheBacklogAlertUses() {
    assertHasLine("ferry_watcher_scan_duration_seconds_count 1");
    assertHasLine("ferry_watcher_archives_total{outcome=\"seen\"} 1.0");
    assertHasLine("ferry_watcher_archives_total{outcome=\"rejected\"} 1.0");
    assertHasLine("ferry_watcher_archives_total{outcome=\"published\"} 1.0");
    assertHasLine("ferry_watcher_waiting_archives 1.0");
    assertHasLine("ferry_watcher_oldest_waiting_seconds 90.0");
  }

  @Test
  void registryRetriesAreCountedByResilience4j() {
    assertHasLine(
        "resilience4j_retry_calls_total{kind=\"failed_with_retry\",name=\"registry\"} 0.0");
    assertHasLine(
        "resilience4j_retry_calls_total{kind=\"successful_with_retry\",name=\"registry\"} 0.0");
  }

  private static void assertHasLine(String line) {
    assertThat(SCRAPE).containsPattern(Pattern.compile("(?m)^" + Pattern.quote(line) + "$"));
  }
}
