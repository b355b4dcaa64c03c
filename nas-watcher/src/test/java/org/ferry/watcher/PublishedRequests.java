package org.ferry.watcher;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.contract.PushRequested;
import org.ferry.image.Team;
import org.ferry.messaging.FerryMessageConverter;
import org.ferry.messaging.MessagingAutoConfiguration;
import org.ferry.messaging.Topology;
import org.ferry.testing.TestBroker;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The test's own queue on {@code ferry.requests} in the test run's private vhost: it sees every
 * push request the watcher publishes, as another system bound to the exchange would.
 */
final class PublishedRequests implements AutoCloseable {

  private final CachingConnectionFactory connections;
  private final RabbitTemplate template;
  private final String queue;
  private final FerryMessageConverter converter =
      new FerryMessageConverter(MessagingAutoConfiguration.messageMapper(), "/ferry/test");
  private final List<PushRequested> received = new CopyOnWriteArrayList<>();

  PublishedRequests() {
    connections = new CachingConnectionFactory(URI.create(TestBroker.shared().amqpUri()));
    var admin = new RabbitAdmin(connections);
    var requests = new TopicExchange(Topology.REQUESTS_EXCHANGE, true, false);
    admin.declareExchange(requests);
    var testQueue = admin.declareQueue();
    admin.declareBinding(BindingBuilder.bind(testQueue).to(requests).with(PushRequested.TYPE));
    queue = testQueue.getName();
    template = new RabbitTemplate(connections);
  }

  /** Every push request published so far for {@code team}, in the order they arrived. */
  synchronized List<PushRequested> forTeam(Team team) {
    for (var message = template.receive(queue);
        message != null;
        message = template.receive(queue)) {
      received.add((PushRequested) converter.fromMessage(message));
    }
    return received.stream().filter(request -> request.team().equals(team)).toList();
  }

  @Override
  public void close() {
    connections.destroy();
  }
}
