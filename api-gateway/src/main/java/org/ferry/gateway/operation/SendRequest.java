package org.ferry.gateway.operation;

import io.micrometer.core.instrument.MeterRegistry;
import org.ferry.contract.OperationRequest;
import org.ferry.messaging.MessagePublisher;
import org.ferry.metrics.FerryMetrics;
import org.springframework.stereotype.Service;

/**
 * Publishes a request and records it as QUEUED once, and only once, the broker confirmed it: a
 * request the broker did not take leaves no trace in the store.
 */
@Service
public class SendRequest {

  private final MessagePublisher publisher;
  private final RecordOperation record;
  private final MeterRegistry meters;

  SendRequest(MessagePublisher publisher, RecordOperation record, MeterRegistry meters) {
    this.publisher = publisher;
    this.record = record;
    this.meters = meters;
  }

  /**
   * @throws org.ferry.failure.TransientFailure if the broker did not confirm the request
   */
  public void send(OperationRequest request) {
    publisher.publish(request);
    meters
        .counter(
            FerryMetrics.REQUESTED,
            FerryMetrics.TAG_OPERATION,
            request.kind().label(),
            FerryMetrics.TAG_SOURCE,
            request.source().label())
        .increment();
    record.request(request);
  }
}
