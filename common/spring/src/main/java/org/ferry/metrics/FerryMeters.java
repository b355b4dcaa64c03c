package org.ferry.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Stage;

/**
 * Builds the meters that services emit themselves, with the names, tags and units that Ferry's
 * alert rules and dashboard query (the Prometheus name of each is in its Javadoc). The operation
 * counters, duration and in-flight gauges come from {@code OperationRunner}, the watcher's meters
 * from the watcher, the gateway's request counter from the gateway.
 */
public final class FerryMeters {

  private FerryMeters() {}

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
   * one of the fixed {@link Stage}s progress events carry, never a value; the operation runner
   * times each stage from its first progress report to the next stage's or the operation's end.
   */
  public static Timer stageDuration(MeterRegistry meters, OperationKind kind, Stage stage) {
    return Timer.builder(FerryMetrics.STAGE_DURATION)
        .description("Time spent in one stage of an operation")
        .tag(FerryMetrics.TAG_OPERATION, kind.label())
        .tag(FerryMetrics.TAG_STAGE, stage.label())
        .publishPercentileHistogram()
        .register(meters);
  }
}
