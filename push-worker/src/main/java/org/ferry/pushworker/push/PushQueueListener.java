package org.ferry.pushworker.push;

import org.ferry.contract.DeleteRequested;
import org.ferry.contract.PushRequested;
import org.ferry.messaging.Topology;
import org.ferry.pushworker.delete.DeleteTag;
import org.ferry.work.OperationRunner;
import org.springframework.amqp.rabbit.annotation.RabbitHandler;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Takes push and delete requests off {@code ferry.push}, which carries both. */
@Component
@RabbitListener(queues = Topology.PUSH_QUEUE)
class PushQueueListener {

  private final OperationRunner runner;
  private final PushArchive pushArchive;
  private final DeleteTag deleteTag;

  PushQueueListener(OperationRunner runner, PushArchive pushArchive, DeleteTag deleteTag) {
    this.runner = runner;
    this.pushArchive = pushArchive;
    this.deleteTag = deleteTag;
  }

  @RabbitHandler
  void on(PushRequested request) {
    runner.run(request, pushArchive::push);
  }

  @RabbitHandler
  void on(DeleteRequested request) {
    runner.run(request, deleteTag::delete);
  }
}
