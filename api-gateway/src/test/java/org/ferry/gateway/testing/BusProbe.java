package org.ferry.gateway.testing;

import java.util.ArrayList;
import java.util.List;
import org.ferry.messaging.FerryMessageConverter;
import org.ferry.messaging.MessagingAutoConfiguration;
import org.ferry.messaging.Topology;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A queue of the test's own bound to every work request on {@code ferry.requests} ({@code
 * *.requested.v1}), to see exactly what the gateway asked the workers to do. Reservation queries
 * (request–reply, no work) are left out: the page sends them whenever it loads.
 */
public final class BusProbe implements AutoCloseable {

  private final RabbitAdmin admin;
  private final RabbitTemplate template;
  private final AnonymousQueue queue = new AnonymousQueue();

  private BusProbe(ConnectionFactory connections) {
    admin = new RabbitAdmin(connections);
    template = new RabbitTemplate(connections);
    template.setMessageConverter(
        new FerryMessageConverter(MessagingAutoConfiguration.messageMapper(), "/ferry/test"));
    admin.declareQueue(queue);
    admin.declareBinding(
        BindingBuilder.bind(queue)
            .to(new TopicExchange(Topology.REQUESTS_EXCHANGE))
            .with("*.requested.v1"));
  }

  public static BusProbe requests(ConnectionFactory connections) {
    return new BusProbe(connections);
  }

  /** Everything published since the probe was bound, and not taken yet. */
  public List<Object> drain() {
    var messages = new ArrayList<Object>();
    Object message;
    while ((message = template.receiveAndConvert(queue.getName())) != null) {
      messages.add(message);
    }
    return messages;
  }

  @Override
  public void close() {
    admin.deleteQueue(queue.getName());
  }
}
