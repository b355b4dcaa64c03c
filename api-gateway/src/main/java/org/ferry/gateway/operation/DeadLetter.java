package org.ferry.gateway.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.ferry.image.Team;
import org.ferry.messaging.Topology;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;
import org.springframework.amqp.core.Message;

/**
 * A request the broker dead-lettered from a work queue, read as far as it can be: even a message
 * that no longer deserializes may still say which operation of which team it was.
 */
record DeadLetter(OperationId operationId, Team team, OperationKind kind, String reason) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The dead-lettered request in {@code message}, if it is one whose operation can be named; copies
   * of the bus dead-lettered from subscriber queues (the store's own among them) are not failed
   * requests and are skipped.
   */
  static Optional<DeadLetter> read(Message message) {
    var deaths = message.getMessageProperties().getXDeathHeader();
    if (deaths == null || deaths.isEmpty()) {
      return Optional.empty();
    }
    var last = deaths.get(0);
    var queue = String.valueOf(last.get("queue"));
    var exchange = String.valueOf(last.get("exchange"));
    if (!Topology.REQUESTS_EXCHANGE.equals(exchange)
        || GatewayTopology.OPERATIONS_QUEUE.equals(queue)) {
      return Optional.empty();
    }
    try {
      var body = JSON.readTree(message.getBody());
      var type = message.getMessageProperties().getType();
      if (type == null) {
        type = message.getMessageProperties().getReceivedRoutingKey();
      }
      return Optional.of(
          new DeadLetter(
              OperationId.of(text(body, "operationId")),
              Team.of(text(body, "team")),
              kind(body, type),
              String.valueOf(last.get("reason"))));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** The FAILED message: what happened, and what to tell the operators. */
  String message() {
    return "Could not "
        + kind.label()
        + ": the request could not be processed (dead-lettered: "
        + reason
        + "). Tell the operators the operation id "
        + operationId
        + ".";
  }

  private static OperationKind kind(JsonNode body, String type) {
    if (body.hasNonNull("kind")) {
      return OperationKind.fromLabel(body.get("kind").asText());
    }
    return OperationKind.fromLabel(type.substring(0, type.indexOf('.')));
  }

  private static String text(JsonNode body, String field) {
    return body.hasNonNull(field) ? body.get(field).asText() : null;
  }
}
