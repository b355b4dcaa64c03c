package org.ferry.gateway.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ferry.operation.OperationKind;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

class DeadLetterTest {

  private static final String BODY =
      "{\"operationId\":\"op-1\",\"team\":\"team-a\",\"file\":\"x.tar\",\"image\":\"BROKEN\"}";

  @Test
  void readsTheOperationOfARequestThatNoLongerDeserializes() {
    // given
    var message =
        deadLetter(BODY, "push.requested.v1", "ferry.push", "ferry.requests", "delivery_limit");

    // when
    var dead = DeadLetter.read(message).orElseThrow();

    // then
    assertThat(dead.operationId().value()).isEqualTo("op-1");
    assertThat(dead.team().value()).isEqualTo("team-a");
    assertThat(dead.kind()).isEqualTo(OperationKind.PUSH);
    assertThat(dead.message())
        .startsWith(
            "Could not push: the request could not be processed (dead-lettered: delivery_limit).");
  }

  @Test
  void skipsCopiesDeadLetteredFromTheStoresOwnQueueOrFromEvents() {
    assertThat(
            DeadLetter.read(
                deadLetter(
                    BODY,
                    "push.requested.v1",
                    GatewayTopology.OPERATIONS_QUEUE,
                    "ferry.requests",
                    "rejected")))
        .isEmpty();
    assertThat(
            DeadLetter.read(
                deadLetter(
                    BODY, "operation.failed.v1", "someone.events", "ferry.events", "rejected")))
        .isEmpty();
  }

  @Test
  void skipsAMessageWithoutAnOperation() {
    assertThat(
            DeadLetter.read(
                deadLetter(
                    "not json", "push.requested.v1", "ferry.push", "ferry.requests", "rejected")))
        .isEmpty();
  }

  private static Message deadLetter(
      String body, String type, String queue, String exchange, String reason) {
    var properties = new MessageProperties();
    properties.setType(type);
    properties.setHeader(
        "x-death",
        List.of(Map.of("queue", queue, "exchange", exchange, "reason", reason, "count", 1L)));
    return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
  }
}
