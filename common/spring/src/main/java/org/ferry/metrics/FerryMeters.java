package org.ferry.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Source;

/**
 * Builds the meters that services emit themselves, with the names, tags and units that Ferry's
 * alert rules and dashboard query (the Prometheus name of each is in its Javadoc). The operation
 * counters, duration and in-flight gauges come from {@code OperationRunner}, not from here.
 */
public final class FerryMeters {

  private FerryMeters() {}

  /** What the NAS watcher did with an archive it found. */
  public enum ArchiveOutcome {
    SEEN,
    REJECTED,
    PUBLISHED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code ferry_operations_requested_total{operation,source}}: one per request published. */
  public static Counter requested(MeterRegistry meters, OperationKind kind, Source source) {
    return Counter.builder(FerryMetrics.REQUESTED)
        .description("Operation requests published, by kind and by who asked")
        .tag(FerryMetrics.TAG_OPERATION, kind.label())
        .tag(FerryMetrics.TAG_SOURCE, source.label())
        .register(meters);
  }

  /** {@code ferry_read_bytes_total{operation}}: bytes read from an archive, daemon or registry. */
  public static Counter bytesRead(MeterRegistry meters, OperationKind kind) {
    return Counter.builder(FerryMetrics.BYTES_READ)
        .description("Bytes read from archives, the Docker daemon or the registry")
        .baseUnit(BaseUnits.BYTES)
        .tag(FerryMetrics.TAG_OPERATION, kind.label())
        .register(meters);
  }

  /** {@code ferry_written_bytes_total{operation}}: bytes written to the registry or the NAS. */
  public static Counter bytesWritten(MeterRegistry meters, OperationKind kind) {
    return Counter.builder(FerryMetrics.BYTES_WRITTEN)
        .description("Bytes written to the registry or the NAS")
        .baseUnit(BaseUnits.BYTES)
        .tag(FerryMetrics.TAG_OPERATION, kind.label())
        .register(meters);
  }

  /**
   * {@code ferry_operation_stage_duration_seconds{operation,stage}}, a histogram. {@code stage} is
   * one of a use case's fixed stage names (the ones its progress events carry), never a value.
   */
  public static Timer stageDuration(MeterRegistry meters, OperationKind kind, String stage) {
    return Timer.builder(FerryMetrics.STAGE_DURATION)
        .description("Time spent in one stage of an operation")
        .tag(FerryMetrics.TAG_OPERATION, kind.label())
        .tag(FerryMetrics.TAG_STAGE, stage)
        .publishPercentileHistogram()
        .register(meters);
  }

  /** {@code ferry_watcher_scan_duration_seconds}: one scan of every team's push-images folder. */
  public static Timer watcherScan(MeterRegistry meters) {
    return Timer.builder(FerryMetrics.WATCHER_SCAN)
        .description("Time one scan of all push-images folders takes")
        .register(meters);
  }

  /** {@code ferry_watcher_archives_total{outcome}}: archives seen, rejected and published. */
  public static Counter watcherArchives(MeterRegistry meters, ArchiveOutcome outcome) {
    return Counter.builder(FerryMetrics.WATCHER_ARCHIVES)
        .description("Archives the NAS watcher saw, rejected and published")
        .tag(FerryMetrics.TAG_OUTCOME, outcome.label())
        .register(meters);
  }

  /**
   * {@code ferry_watcher_waiting_archives} and {@code ferry_watcher_oldest_waiting_seconds}: how
   * many complete archives wait in push-images without a push, and the age of the oldest (0 when
   * none waits). Both are read from {@code backlog} at each scrape.
   */
  public static <T> void watcherBacklog(
      MeterRegistry meters,
      T backlog,
      ToDoubleFunction<T> waitingArchives,
      ToDoubleFunction<T> oldestWaitingSeconds) {
    Gauge.builder(FerryMetrics.WATCHER_WAITING, backlog, waitingArchives)
        .description("Archives in push-images that no push has taken yet")
        .strongReference(true)
        .register(meters);
    TimeGauge.builder(
            FerryMetrics.WATCHER_OLDEST_WAITING, backlog, TimeUnit.SECONDS, oldestWaitingSeconds)
        .description("Age of the oldest archive in push-images that no push has taken yet")
        .strongReference(true)
        .register(meters);
  }
}
