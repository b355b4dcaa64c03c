package org.ferry.contract;

import static org.ferry.contract.Required.field;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;

/**
 * The operation is done; {@code message} is the green line the page shows and {@code result} holds
 * its facts ({@code reference}, {@code digest}, {@code size}, {@code path}, {@code sha256}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OperationSucceeded(
    OperationId operationId,
    Team team,
    Instant occurredAt,
    OperationKind kind,
    String message,
    Map<String, String> result)
    implements OperationEvent {

  public static final String TYPE = "operation.succeeded.v1";

  public OperationSucceeded {
    field(operationId, "operationId");
    field(team, "team");
    field(occurredAt, "occurredAt");
    field(kind, "kind");
    field(message, "message");
    result = result == null ? Map.of() : Map.copyOf(result);
  }
}
