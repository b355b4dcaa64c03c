package org.ferry.watcher;

import java.time.Clock;
import org.ferry.contract.OperationFailed;
import org.ferry.failure.ReasonCodes;
import org.ferry.messaging.MessagePublisher;
import org.ferry.nas.ArchiveClaims;
import org.ferry.operation.OperationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Returns archives whose claim nobody finished: the request never reached a worker (lost,
 * dead-lettered) or the worker died mid-push and no other took the request over. Each comes back to
 * its {@code push-images} with an {@code .error} note, and its operation is reported FAILED, so
 * neither the archive nor the operation waits forever.
 */
@Component
class GiveBackStaleClaims {

  private static final Logger log = LoggerFactory.getLogger(GiveBackStaleClaims.class);

  private final ArchiveClaims claims;
  private final MessagePublisher publisher;
  private final WatcherProperties properties;
  private final WatcherMetrics metrics;
  private final Clock clock;

  GiveBackStaleClaims(
      ArchiveClaims claims,
      MessagePublisher publisher,
      WatcherProperties properties,
      WatcherMetrics metrics,
      Clock clock) {
    this.claims = claims;
    this.publisher = publisher;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Gives back every stale claim; returns how many. */
  int run() {
    var givenBack = claims.giveBackStale(properties.staleClaimAfter());
    for (var claim : givenBack) {
      var message = claims.abandonedReason(claim.team(), claim.operationId()).orElse("given back");
      log.warn(
          "operation={} team={} kind=push status=FAILED reason=abandoned file={}: {}",
          claim.operationId(),
          claim.team(),
          claim.file(),
          message);
      try {
        publisher.publish(
            new OperationFailed(
                claim.operationId(),
                claim.team(),
                clock.instant(),
                OperationKind.PUSH,
                ReasonCodes.UNAVAILABLE,
                message));
      } catch (RuntimeException e) {
        // The archive is back already; the operation's record is what stays behind.
        log.warn(
            "operation={} could not be reported FAILED: {}", claim.operationId(), e.getMessage());
      }
    }
    metrics.claimsGivenBack(givenBack.size());
    return givenBack.size();
  }
}
