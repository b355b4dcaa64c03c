package org.ferry.exportworker.export;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.contract.OperationEvent;
import org.ferry.contract.OperationFailed;
import org.ferry.contract.OperationProgressed;
import org.ferry.contract.OperationSucceeded;
import org.ferry.messaging.Topology;
import org.ferry.operation.OperationId;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Collects every event on {@code ferry.events}, as another system would see them. */
class OperationEvents {

  static final String QUEUE = "export-it.events";

  private final Map<OperationId, List<OperationEvent>> events = new ConcurrentHashMap<>();

  @RabbitListener(queues = QUEUE)
  void on(OperationEvent event) {
    events.computeIfAbsent(event.operationId(), id -> new CopyOnWriteArrayList<>()).add(event);
  }

  /** Waits for the operation's terminal event. */
  OperationEvent awaitTerminal(OperationId id) {
    return await()
        .atMost(Duration.ofMinutes(3))
        .until(
            () ->
                List.copyOf(events.getOrDefault(id, List.of())).stream()
                    .filter(e -> e instanceof OperationSucceeded || e instanceof OperationFailed)
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }

  List<OperationProgressed> progress(OperationId id) {
    return List.copyOf(events.getOrDefault(id, List.of())).stream()
        .filter(OperationProgressed.class::isInstance)
        .map(OperationProgressed.class::cast)
        .toList();
  }

  /** The listener and its queue, bound to every event. */
  @TestConfiguration
  static class Config {

    @Bean
    OperationEvents operationEvents() {
      return new OperationEvents();
    }

    @Bean
    Declarables operationEventsQueue() {
      var queue = Topology.subscriberQueue(QUEUE);
      return new Declarables(
          queue,
          Topology.bind(queue, new TopicExchange(Topology.EVENTS_EXCHANGE, true, false), "#"));
    }
  }
}
