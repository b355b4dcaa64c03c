package org.ferry.exportworker.export;

import org.ferry.contract.ExportRequested;
import org.ferry.messaging.Topology;
import org.ferry.work.OperationRunner;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/** Takes export requests off the export queue and runs each as one operation. */
@Component
class ExportRequestListener {

  private final OperationRunner runner;
  private final ExportImage exportImage;

  ExportRequestListener(OperationRunner runner, ExportImage exportImage) {
    this.runner = runner;
    this.exportImage = exportImage;
  }

  @RabbitListener(queues = Topology.EXPORT_QUEUE)
  void on(ExportRequested request) {
    runner.run(request, exportImage::export);
  }
}
