package org.ferry.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ferry.contract.OperationEvent;
import org.ferry.contract.OperationFailed;
import org.ferry.contract.OperationRequest;
import org.ferry.contract.OperationStarted;
import org.ferry.contract.OperationSucceeded;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.Reason;
import org.ferry.messaging.MessagePublisher;
import org.ferry.metrics.FerryMetrics;
import org.ferry.operation.OperationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one operation the way every worker must: announces it, reports progress, turns any failure
 * into a FAILED event with a message a user can act on, counts and times it, and logs each state
 * change on one searchable line.
 *
 * <p>A request delivered again after it finished is answered with the same terminal event, not
 * worked on twice.
 */
public class OperationRunner {

  private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);
  private static final int REMEMBERED_OUTCOMES = 10_000;

  private final MessagePublisher publisher;
  private final MeterRegistry meters;
  private final Clock clock;
  private final String worker;
  private final Duration progressInterval;
  private final RunningOperations running;
  private final Map<OperationId, OperationEvent> finished =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<OperationId, OperationEvent> eldest) {
              return size() > REMEMBERED_OUTCOMES;
            }
          });

  public OperationRunner(
      MessagePublisher publisher,
      MeterRegistry meters,
      Clock clock,
      String worker,
      Duration progressInterval) {
    this.publisher = publisher;
    this.meters = meters;
    this.clock = clock;
    this.worker = worker;
    this.progressInterval = progressInterval;
    this.running = new RunningOperations(meters, clock);
  }

  /** Runs {@code work} for {@code request} and publishes its events. */
  public <R extends OperationRequest> void run(R request, Work<R> work) {
    var earlier = finished.get(request.operationId());
    if (earlier != null) {
      log.info(
          "operation={} team={} kind={} status=DUPLICATE delivered again; repeating its result",
          request.operationId(),
          request.team(),
          request.kind().label());
      publisher.publish(earlier);
      return;
    }
    MDC.put("operation", request.operationId().value());
    var end = running.start(request.kind());
    var sample = Timer.start(meters);
    try {
      publisher.publish(
          new OperationStarted(
              request.operationId(), request.team(), clock.instant(), request.kind(), worker));
      counter(FerryMetrics.STARTED, FerryMetrics.TAG_OPERATION, request.kind().label()).increment();
      log.info(
          "operation={} team={} kind={} status=RUNNING requestedBy={} source={}",
          request.operationId(),
          request.team(),
          request.kind().label(),
          request.requestedBy(),
          request.source().label());
      var terminal = perform(request, work);
      var outcome =
          terminal instanceof OperationSucceeded
              ? FerryMetrics.OUTCOME_SUCCEEDED
              : FerryMetrics.OUTCOME_FAILED;
      var reason =
          terminal instanceof OperationFailed failed
              ? failed.reason().label()
              : FerryMetrics.REASON_NONE;
      publisher.publish(terminal);
      finished.put(request.operationId(), terminal);
      sample.stop(
          Timer.builder(FerryMetrics.DURATION)
              .tag(FerryMetrics.TAG_OPERATION, request.kind().label())
              .tag(FerryMetrics.TAG_OUTCOME, outcome)
              .publishPercentileHistogram()
              .register(meters));
      counter(
              FerryMetrics.OPERATIONS,
              FerryMetrics.TAG_OPERATION,
              request.kind().label(),
              FerryMetrics.TAG_OUTCOME,
              outcome,
              FerryMetrics.TAG_REASON,
              reason)
          .increment();
    } finally {
      end.run();
      MDC.remove("operation");
    }
  }

  private <R extends OperationRequest> OperationEvent perform(R request, Work<R> work) {
    var progress = new ThrottledProgress(request, publisher, meters, clock, progressInterval);
    try {
      return attempt(request, work, progress);
    } finally {
      progress.finish();
    }
  }

  private <R extends OperationRequest> OperationEvent attempt(
      R request, Work<R> work, ThrottledProgress progress) {
    try {
      var outcome = work.perform(request, progress);
      log.info(
          "operation={} team={} kind={} status=SUCCEEDED message=\"{}\"",
          request.operationId(),
          request.team(),
          request.kind().label(),
          outcome.message());
      return new OperationSucceeded(
          request.operationId(),
          request.team(),
          clock.instant(),
          request.kind(),
          outcome.message(),
          outcome.result());
    } catch (FerryFailure failure) {
      log.warn(
          "operation={} team={} kind={} status=FAILED reason={} message=\"{}\"",
          request.operationId(),
          request.team(),
          request.kind().label(),
          failure.reasonCode(),
          failure.getMessage(),
          failure.getCause());
      return failed(request, failure.reason(), failure.getMessage(), failure.details());
    } catch (RuntimeException bug) {
      log.error(
          "operation={} team={} kind={} status=FAILED reason=internal",
          request.operationId(),
          request.team(),
          request.kind().label(),
          bug);
      return failed(
          request,
          Reason.INTERNAL,
          "Could not "
              + request.kind().label()
              + ": Ferry hit an internal error ("
              + bug.getClass().getSimpleName()
              + "). Tell the operators the operation id "
              + request.operationId()
              + ".",
          Map.of());
    }
  }

  private OperationFailed failed(
      OperationRequest request, Reason reason, String message, Map<String, String> details) {
    return new OperationFailed(
        request.operationId(),
        request.team(),
        clock.instant(),
        request.kind(),
        reason,
        message,
        details);
  }

  private Counter counter(String name, String... tags) {
    return meters.counter(name, tags);
  }
}
