package org.ferry.messaging;

import java.util.Map;
import org.ferry.contract.Exchanges;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;

/**
 * Ferry's exchanges and queues. Requests go to {@code ferry.requests} and on to one durable quorum
 * queue per worker kind; events go to {@code ferry.events} for anyone to bind; a message a worker
 * cannot handle, or that was delivered too often, is dead-lettered to {@code ferry.dlx}.
 */
public final class Topology {

  public static final String REQUESTS_EXCHANGE = Exchanges.REQUESTS;
  public static final String EVENTS_EXCHANGE = Exchanges.EVENTS;
  public static final String DEAD_LETTER_EXCHANGE = "ferry.dlx";

  public static final String PUSH_QUEUE = "ferry.push";
  public static final String COMMIT_QUEUE = "ferry.commit";
  public static final String EXPORT_QUEUE = "ferry.export";

  /** Kept for operators: alerts fire while it is not empty. */
  public static final String DEAD_LETTER_QUEUE = "ferry.dead";

  /** How often a broker hands out one message before dead-lettering it (quorum queues). */
  public static final int DELIVERY_LIMIT = 5;

  private Topology() {}

  /** Everything the services share: both exchanges, the dead-letter path and the work queues. */
  public static Declarables shared() {
    var requests = new TopicExchange(REQUESTS_EXCHANGE, true, false);
    var events = new TopicExchange(EVENTS_EXCHANGE, true, false);
    var deadLetters = new TopicExchange(DEAD_LETTER_EXCHANGE, true, false);
    var push = workQueue(PUSH_QUEUE);
    var commit = workQueue(COMMIT_QUEUE);
    var export = workQueue(EXPORT_QUEUE);
    var dead = QueueBuilder.durable(DEAD_LETTER_QUEUE).quorum().build();
    return new Declarables(
        requests,
        events,
        deadLetters,
        push,
        commit,
        export,
        dead,
        bind(push, requests, "push.requested.v1"),
        bind(push, requests, "delete.requested.v1"),
        bind(commit, requests, "commit.requested.v1"),
        bind(export, requests, "export.requested.v1"),
        BindingBuilder.bind(dead).to(deadLetters).with("#"));
  }

  /** A durable quorum queue with Ferry's delivery limit and dead-lettering. */
  public static Queue workQueue(String name) {
    return QueueBuilder.durable(name)
        .quorum()
        .deliveryLimit(DELIVERY_LIMIT)
        .deadLetterExchange(DEAD_LETTER_EXCHANGE)
        .build();
  }

  /** A quorum queue for one consumer's copy of the events, for example the gateway's store. */
  public static Queue subscriberQueue(String name) {
    return new Queue(
        name,
        true,
        false,
        false,
        Map.of(
            "x-queue-type", "quorum",
            "x-delivery-limit", DELIVERY_LIMIT,
            "x-dead-letter-exchange", DEAD_LETTER_EXCHANGE));
  }

  public static Binding bind(Queue queue, TopicExchange exchange, String routingKey) {
    return BindingBuilder.bind(queue).to(exchange).with(routingKey);
  }
}
