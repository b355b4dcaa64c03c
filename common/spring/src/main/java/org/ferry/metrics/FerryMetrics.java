package org.ferry.metrics;

/**
 * Ferry's metric names and tag keys. Tags stay low-cardinality: an operation kind, an outcome, a
 * reason class or a stage, never an image name, a team or an id.
 */
public final class FerryMetrics {

  /** Counter {@code ferry_operations_total{operation,outcome,reason}}; outcome succeeded|failed. */
  public static final String OPERATIONS = "ferry.operations";

  /** Counter {@code ferry_operations_requested_total{operation,source}}, by publishers. */
  public static final String REQUESTED = "ferry.operations.requested";

  /** Counter {@code ferry_operations_started_total{operation}}, by workers. */
  public static final String STARTED = "ferry.operations.started";

  /** Timer {@code ferry_operation_duration_seconds{operation,outcome}}, a histogram. */
  public static final String DURATION = "ferry.operation.duration";

  /** Timer {@code ferry_operation_stage_duration_seconds{operation,stage}}. */
  public static final String STAGE_DURATION = "ferry.operation.stage.duration";

  /** Gauge {@code ferry_operations_in_flight{operation}}. */
  public static final String IN_FLIGHT = "ferry.operations.in.flight";

  /**
   * Gauge {@code ferry_operation_oldest_running_seconds{operation}}: how long the oldest operation
   * still running has been running, 0 when none is; the "running too long" alert watches it.
   */
  public static final String OLDEST_RUNNING = "ferry.operation.oldest.running";

  /** Counter {@code ferry_read_bytes_total{operation}}: archive, daemon or registry bytes read. */
  public static final String BYTES_READ = "ferry.read";

  /** Counter {@code ferry_written_bytes_total{operation}}: bytes written to the registry or NAS. */
  public static final String BYTES_WRITTEN = "ferry.written";

  /** Timer {@code ferry_watcher_scan_duration_seconds}. */
  public static final String WATCHER_SCAN = "ferry.watcher.scan.duration";

  /** Counter {@code ferry_watcher_archives_total{outcome}}: seen|rejected|published|deferred. */
  public static final String WATCHER_ARCHIVES = "ferry.watcher.archives";

  /**
   * Gauge {@code ferry_watcher_oldest_waiting_seconds}: age of the oldest archive not yet taken.
   */
  public static final String WATCHER_OLDEST_WAITING = "ferry.watcher.oldest.waiting";

  /**
   * Gauge {@code ferry_watcher_skipped_files{reason}}: archives in push-images whose name Ferry
   * cannot take (name-too-long|name-not-utf8|name-invalid).
   */
  public static final String WATCHER_SKIPPED = "ferry.watcher.skipped.files";

  /**
   * Counter {@code ferry_watcher_claims_given_back_total}: claimed archives given back because no
   * worker finished them in time.
   */
  public static final String WATCHER_CLAIMS_GIVEN_BACK = "ferry.watcher.claims.given.back";

  /** Gauge {@code ferry_watcher_waiting_archives}: archives in push-images not yet taken. */
  public static final String WATCHER_WAITING = "ferry.watcher.waiting.archives";

  /** Outcomes of {@link #WATCHER_ARCHIVES}; deferred means "put back, tried again later". */
  public static final String OUTCOME_SEEN = "seen";

  public static final String OUTCOME_REJECTED = "rejected";
  public static final String OUTCOME_PUBLISHED = "published";
  public static final String OUTCOME_DEFERRED = "deferred";

  public static final String TAG_OPERATION = "operation";
  public static final String TAG_OUTCOME = "outcome";
  public static final String TAG_REASON = "reason";
  public static final String TAG_SOURCE = "source";
  public static final String TAG_STAGE = "stage";

  public static final String OUTCOME_SUCCEEDED = "succeeded";
  public static final String OUTCOME_FAILED = "failed";
  public static final String REASON_NONE = "none";

  private FerryMetrics() {}
}
