package org.ferry.gateway.operation;

import org.ferry.contract.FerryMessage;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the operation store with every request and event on the bus, whoever sent it: the page, the
 * API, the NAS watcher, a worker or another system.
 */
@Component
@RabbitListener(queues = GatewayTopology.OPERATIONS_QUEUE)
class OperationListener {

  private final RecordOperation record;

  OperationListener(RecordOperation record) {
    this.record = record;
  }

  @RabbitHandler
  void on(FerryMessage message) {
    record.record(message);
  }

  /** Other traffic on the exchanges, such as reservation queries, is not about an operation. */
  @RabbitHandler(isDefault = true)
  void ignore(Object other) {}
}
