package org.ferry.gateway.testing;

import org.ferry.gateway.ApiGatewayApplication;
import org.ferry.messaging.MessagePublisher;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the gateway's integration tests: one real gateway on a random port over the real
 * broker, shared by every test class that extends this (Spring caches the context).
 */
@AutoConfigureObservability
@SpringBootTest(
    classes = ApiGatewayApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIT {

  @LocalServerPort protected int port;

  @Autowired protected ConnectionFactory connections;

  @Autowired protected MessagePublisher publisher;

  protected Http http;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    TestGateway.properties().forEach((key, value) -> registry.add(key, () -> value));
  }

  @BeforeEach
  void connect() {
    http = new Http(port);
  }

  protected static String team(String user) {
    return switch (user) {
      case TestGateway.ALICE -> TestGateway.ALICE_TEAM.value();
      case TestGateway.BOB -> TestGateway.BOB_TEAM.value();
      default -> throw new IllegalArgumentException(user);
    };
  }
}
