package org.ferry.pushworker.push;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.contract.OperationEvent;
import org.ferry.contract.OperationFailed;
import org.ferry.contract.OperationProgressed;
import org.ferry.contract.OperationStarted;
import org.ferry.contract.OperationSucceeded;
import org.ferry.messaging.Topology;
import org.ferry.operation.OperationId;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.support.converter.MessageConverter;

/**
 * Every event on {@code ferry.events}, as another system sees them: a queue of the test's own bound
 * to the exchange.
 */
public final class EventLog implements AutoCloseable {

  public static final Duration PATIENCE = Duration.ofMinutes(3);

  private final List<OperationEvent> events = new CopyOnWriteArrayList<>();
  private final SimpleMessageListenerContainer container;

  public EventLog(ConnectionFactory connections, AmqpAdmin admin, MessageConverter converter) {
    var queue = admin.declareQueue();
    admin.declareBinding(
        new Binding(
            queue.getName(), Binding.DestinationType.QUEUE, Topology.EVENTS_EXCHANGE, "#", null));
    container = new SimpleMessageListenerContainer(connections);
    container.setQueueNames(queue.getName());
    container.setMessageListener(
        message -> events.add((OperationEvent) converter.fromMessage(message)));
    container.start();
  }

  public List<OperationEvent> of(OperationId operation) {
    return events.stream().filter(event -> event.operationId().equals(operation)).toList();
  }

  public long started(OperationId operation) {
    return of(operation).stream().filter(OperationStarted.class::isInstance).count();
  }

  public List<String> stages(OperationId operation) {
    return of(operation).stream()
        .filter(OperationProgressed.class::isInstance)
        .map(event -> ((OperationProgressed) event).stage().label())
        .distinct()
        .toList();
  }

  public List<OperationProgressed> progress(OperationId operation) {
    return of(operation).stream()
        .filter(OperationProgressed.class::isInstance)
        .map(OperationProgressed.class::cast)
        .toList();
  }

  public OperationSucceeded awaitSucceeded(OperationId operation) {
    var terminal = awaitTerminal(operation);
    if (terminal instanceof OperationSucceeded succeeded) {
      return succeeded;
    }
    throw new AssertionError("expected success, got " + terminal);
  }

  public OperationFailed awaitFailed(OperationId operation) {
    var terminal = awaitTerminal(operation);
    if (terminal instanceof OperationFailed failed) {
      return failed;
    }
    throw new AssertionError("expected failure, got " + terminal);
  }

  /** The terminal events of an operation, once {@code count} of them arrived. */
  public List<OperationEvent> awaitTerminals(OperationId operation, int count) {
    await().atMost(PATIENCE).until(() -> terminals(operation).size() >= count);
    return terminals(operation);
  }

  private OperationEvent awaitTerminal(OperationId operation) {
    return awaitTerminals(operation, 1).get(0);
  }

  private List<OperationEvent> terminals(OperationId operation) {
    return of(operation).stream()
        .filter(e -> e instanceof OperationSucceeded || e instanceof OperationFailed)
        .toList();
  }

  @Override
  public void close() {
    container.stop();
  }
}
