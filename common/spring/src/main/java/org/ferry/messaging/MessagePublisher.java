package org.ferry.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ferry.contract.FerryMessage;
import org.ferry.contract.MessageTypes;
import org.ferry.contract.OperationRequest;
import org.ferry.failure.TransientFailure;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes Ferry messages and returns only once the broker has confirmed them. A request that no
 * queue would take is returned by the broker (mandatory) and reported as a failure, so "accepted"
 * always means "safely queued".
 */
public class MessagePublisher {

  private final RabbitTemplate template;
  private final Duration confirmTimeout;

  public MessagePublisher(RabbitTemplate template, Duration confirmTimeout) {
    this.template = template;
    this.confirmTimeout = confirmTimeout;
  }

  /**
   * Publishes {@code message} and waits for the broker's confirm.
   *
   * @throws TransientFailure if the broker is unreachable, refuses the message, does not confirm in
   *     time, or (for a request) has no queue for it
   */
  public void publish(FerryMessage message) {
    var type = MessageTypes.typeOf(message);
    var isRequest = message instanceof OperationRequest;
    var exchange = isRequest ? Topology.REQUESTS_EXCHANGE : Topology.EVENTS_EXCHANGE;
    var correlation = new CorrelationData(UUID.randomUUID().toString());
    try {
      template.convertAndSend(exchange, type, message, correlation);
      var confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!confirm.isAck()) {
        throw unavailable(type, "the broker refused it (" + confirm.getReason() + ")", null);
      }
      if (isRequest && correlation.getReturned() != null) {
        throw unavailable(
            type,
            "no queue is bound for it (" + correlation.getReturned().getReplyText() + ")",
            null);
      }
    } catch (AmqpException e) {
      throw unavailable(type, "the message broker is unreachable", e);
    } catch (TimeoutException e) {
      throw unavailable(type, "the broker did not confirm it within " + confirmTimeout, e);
    } catch (ExecutionException e) {
      throw unavailable(type, "the broker connection failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(type, "the service is shutting down", e);
    }
  }

  private static TransientFailure unavailable(String type, String reason, Throwable cause) {
    return new TransientFailure(
        "send " + type,
        reason,
        "Try again in a moment; if it persists, tell the operators.",
        cause);
  }
}
