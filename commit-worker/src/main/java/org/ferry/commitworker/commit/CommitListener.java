package org.ferry.commitworker.commit;

import org.ferry.contract.CommitRequested;
import org.ferry.messaging.Topology;
import org.ferry.work.OperationRunner;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Takes commit requests off the commit queue and runs each as one operation. */
@Component
class CommitListener {

  private final OperationRunner runner;
  private final CommitReservation commitReservation;

  CommitListener(OperationRunner runner, CommitReservation commitReservation) {
    this.runner = runner;
    this.commitReservation = commitReservation;
  }

  @RabbitListener(queues = Topology.COMMIT_QUEUE)
  void on(CommitRequested request) {
    runner.run(request, commitReservation::commit);
  }
}
