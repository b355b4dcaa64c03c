package org.ferry.testing;

import java.util.Set;

/**
 * The Prometheus sample names of meters that only one service makes, where the shared metric tests
 * cannot build them: each service's own test checks its real meters against its set here, and the
 * dashboard and alert-rule tests accept exactly these.
 */
public final class ServiceMeterNames {

  /**
   * What the NAS watcher's meters scrape as (and the request counter it shares with the gateway).
   */
  public static final Set<String> WATCHER =
      Set.of(
          "ferry_watcher_scan_duration_seconds_count",
          "ferry_watcher_scan_duration_seconds_sum",
          "ferry_watcher_scan_duration_seconds_max",
          "ferry_watcher_archives_total",
          "ferry_watcher_waiting_archives",
          "ferry_watcher_oldest_waiting_seconds",
          "ferry_watcher_skipped_files",
          "ferry_watcher_claims_given_back_total",
          "ferry_operations_requested_total");

  private ServiceMeterNames() {}
}
