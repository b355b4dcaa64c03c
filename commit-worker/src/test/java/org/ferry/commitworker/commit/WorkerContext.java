package org.ferry.commitworker.commit;

import org.ferry.commitworker.CommitWorkerApplication;
import org.ferry.messaging.MessagePublisher;
import org.ferry.registry.RegistryWriter;
import org.ferry.testing.LocalServices;
import org.ferry.testing.TestBroker;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The commit worker running against the real broker (in this JVM's private vhost), the real
 * registry and the local Docker daemon. Every integration test shares this one context, so only one
 * set of listeners consumes the vhost's queues.
 */
@SpringBootTest(
    classes = CommitWorkerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(EventRecorder.class)
public abstract class WorkerContext {

  @Autowired protected MessagePublisher publisher;
  @Autowired protected EventRecorder events;
  @Autowired protected RegistryWriter registry;
  @Autowired protected RabbitTemplate rabbit;

  @DynamicPropertySource
  static void localServices(DynamicPropertyRegistry properties) {
    properties.add("spring.rabbitmq.addresses", () -> TestBroker.shared().amqpUri());
    properties.add("ferry.registry.address", LocalServices::registry);
    properties.add("ferry.registry.username", () -> LocalServices.pushAccess().username());
    properties.add("ferry.registry.password", () -> LocalServices.pushAccess().password());
    properties.add("ferry.commit.hosts[0].name", () -> "local");
    properties.add("ferry.commit.hosts[0].url", LocalServices::dockerHost);
    properties.add("ferry.docker.attempts", () -> "2");
    properties.add("ferry.docker.backoff", () -> "200ms");
    properties.add("ferry.progress-interval", () -> "100ms");
  }
}
