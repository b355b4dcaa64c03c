package org.ferry.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.ferry.contract.OperationProgressed;
import org.ferry.contract.OperationRequest;
import org.ferry.failure.TransientFailure;
import org.ferry.messaging.MessagePublisher;
import org.ferry.operation.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends at most one progress event per interval, plus one whenever the stage changes. */
final class ThrottledProgress implements Progress {

  private static final Logger log = LoggerFactory.getLogger(ThrottledProgress.class);

  private final OperationRequest request;
  private final MessagePublisher publisher;
  private final Clock clock;
  private final Duration interval;
  private String lastStage;
  private Instant lastSent = Instant.MIN;

  ThrottledProgress(
      OperationRequest request, MessagePublisher publisher, Clock clock, Duration interval) {
    this.request = request;
    this.publisher = publisher;
    this.clock = clock;
    this.interval = interval;
  }

  @Override
  public synchronized void report(String stage, long done, long total) {
    var now = clock.instant();
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
}
