package org.ferry.work;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.ferry.metrics.FerryMetrics;
import org.ferry.operation.OperationKind;

/**
 * The operations this service is running right now, per kind, as the gauges {@code
 * ferry_operations_in_flight} and {@code ferry_operation_oldest_running_seconds}.
 */
final class RunningOperations {

  private final MeterRegistry meters;
  private final Clock clock;
  private final Map<OperationKind, Map<Object, Instant>> byKind = new ConcurrentHashMap<>();

  RunningOperations(MeterRegistry meters, Clock clock) {
    this.meters = meters;
    this.clock = clock;
  }

  /** Records that one run of {@code kind} starts now; the returned handle ends it. */
  Runnable start(OperationKind kind) {
    var runs = byKind.computeIfAbsent(kind, this::register);
    // A token per run, not the operation id: a redelivery running beside the first must count too.
    var run = new Object();
    runs.put(run, clock.instant());
    return () -> runs.remove(run);
  }

  private Map<Object, Instant> register(OperationKind kind) {
    Map<Object, Instant> runs = new ConcurrentHashMap<>();
    Gauge.builder(FerryMetrics.IN_FLIGHT, runs, Map::size)
        .tag(FerryMetrics.TAG_OPERATION, kind.label())
        .strongReference(true)
        .register(meters);
    TimeGauge.builder(
            FerryMetrics.OLDEST_RUNNING, runs, TimeUnit.MILLISECONDS, this::oldestAgeMillis)
        .tag(FerryMetrics.TAG_OPERATION, kind.label())
        .strongReference(true)
        .register(meters);
    return runs;
  }

  private double oldestAgeMillis(Map<Object, Instant> runs) {
    return runs.values().stream()
        .min(Comparator.naturalOrder())
        .map(start -> (double) Duration.between(start, clock.instant()).toMillis())
        .orElse(0.0);
  }
}
