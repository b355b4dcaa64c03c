package org.ferry.work;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.ferry.contract.OperationProgressed;
import org.ferry.contract.OperationRequest;
import org.ferry.failure.TransientFailure;
import org.ferry.messaging.MessagePublisher;
import org.ferry.metrics.FerryMeters;
import org.ferry.operation.Progress;
import org.ferry.operation.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends at most one progress event per interval, plus one whenever the stage changes, and times
 * each stage as {@code ferry_operation_stage_duration_seconds}: from its first report to the next
 * stage's first report, or to the end of the operation.
 */
final class ThrottledProgress implements Progress {

  private static final Logger log = LoggerFactory.getLogger(ThrottledProgress.class);

  private final OperationRequest request;
  private final MessagePublisher publisher;
  private final MeterRegistry meters;
  private final Clock clock;
  private final Duration interval;
  private String lastStage;
  private Instant lastSent = Instant.MIN;
  private Stage timedStage;
  private Instant timedSince;

  ThrottledProgress(
      OperationRequest request,
      MessagePublisher publisher,
      MeterRegistry meters,
      Clock clock,
      Duration interval) {
    this.request = request;
    this.publisher = publisher;
    this.meters = meters;
    this.clock = clock;
    this.interval = interval;
  }

  @Override
  public synchronized void report(String stage, long done, long total) {
    var now = clock.instant();
    time(Stage.of(stage), now);
    var stageChanged = !stage.equals(lastStage);
    if (!stageChanged && now.isBefore(lastSent.plus(interval)) && done != total) {
      return;
    }
    lastStage = stage;
    lastSent = now;
    try {
      publisher.publish(
          new OperationProgressed(
              request.operationId(), request.team(), now, request.kind(), stage, done, total));
    } catch (TransientFailure e) {
      // Progress is advisory: a lost update must not fail the push that is still making progress.
      log.debug("operation={} progress not sent: {}", request.operationId(), e.getMessage());
    }
  }

  /** Ends the stage the operation was in when it finished, succeeded or failed. */
  synchronized void finish() {
    time(null, clock.instant());
  }

  private void time(Stage stage, Instant now) {
    if (stage == timedStage) {
      return;
    }
    if (timedStage != null) {
      FerryMeters.stageDuration(meters, request.kind(), timedStage)
          .record(Duration.between(timedSince, now));
    }
    timedStage = stage;
    timedSince = now;
  }
}
