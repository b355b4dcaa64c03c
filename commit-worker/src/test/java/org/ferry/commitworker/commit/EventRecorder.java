package org.ferry.commitworker.commit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.contract.OperationEvent;
import org.ferry.contract.OperationFailed;
import org.ferry.contract.OperationProgressed;
import org.ferry.contract.OperationSucceeded;
import org.ferry.messaging.Topology;
import org.ferry.operation.OperationId;
import org.springframework.amqp.core.ExchangeTypes;
import org.springframework.amqp.rabbit.annotation.Exchange;
import org.springframework.amqp.rabbit.annotation.Queue;
import org.springframework.amqp.rabbit.annotation.QueueBinding;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.boot.test.context.TestComponent;

/** Records every operation event on the bus, as another system subscribed to Ferry would. */
@TestComponent
public class EventRecorder {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final List<OperationEvent> events = new CopyOnWriteArrayList<>();

  @RabbitListener(
      bindings =
          @QueueBinding(
              value = @Queue(autoDelete = "true", exclusive = "true", durable = "false"),
              exchange = @Exchange(name = Topology.EVENTS_EXCHANGE, type = ExchangeTypes.TOPIC),
              key = "operation.#"))
  void on(OperationEvent event) {
    events.add(event);
  }

  /** Waits for the operation's succeeded or failed event. */
  public OperationEvent awaitTerminal(OperationId id) {
    return await().atMost(TIMEOUT).until(() -> terminal(id), Optional::isPresent).orElseThrow();
  }

  /** Waits until the operation reports progress in {@code stage}. */
  public void awaitStage(OperationId id, String stage) {
    await().atMost(TIMEOUT).until(() -> stages(id).contains(stage));
  }

  /** The stages the operation reported, in order, without repeats next to each other. */
  public List<String> stages(OperationId id) {
    return events.stream()
        .filter(event -> event.operationId().equals(id))
        .filter(OperationProgressed.class::isInstance)
        .map(event -> ((OperationProgressed) event).stage().label())
        .distinct()
        .toList();
  }

  private Optional<OperationEvent> terminal(OperationId id) {
    return events.stream()
        .filter(event -> event.operationId().equals(id))
        .filter(event -> event instanceof OperationSucceeded || event instanceof OperationFailed)
        .findFirst();
  }
}
