package org.ferry.gateway.operation;

import org.ferry.messaging.Topology;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own queues: a copy of every request and event for the operation store, and a copy
 * of every dead-lettered message, so a request no worker could handle ends as a FAILED operation.
 */
@Configuration
class GatewayTopology {

  static final String OPERATIONS_QUEUE = "ferry.gateway.operations";
  static final String DEAD_QUEUE = "ferry.gateway.dead";

  @Bean
  Declarables gatewayQueues() {
    var requests = new TopicExchange(Topology.REQUESTS_EXCHANGE, true, false);
    var events = new TopicExchange(Topology.EVENTS_EXCHANGE, true, false);
    var deadLetters = new TopicExchange(Topology.DEAD_LETTER_EXCHANGE, true, false);
    var operations = Topology.subscriberQueue(OPERATIONS_QUEUE);
    // No dead-letter exchange of its own: what this queue cannot use must not loop back into it.
    var dead = QueueBuilder.durable(DEAD_QUEUE).quorum().build();
    return new Declarables(
        operations,
        dead,
        Topology.bind(operations, requests, "#"),
        Topology.bind(operations, events, "#"),
        BindingBuilder.bind(dead).to(deadLetters).with("#"));
  }
}
