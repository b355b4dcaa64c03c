package org.ferry.contract;

import static org.ferry.contract.Required.field;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;

/**
 * The operation failed for good; {@code message} reads "Could not &lt;action&gt;: &lt;reason&gt;.
 * &lt;what to do&gt;", {@code reason} is its low-cardinality class and {@code details} holds facts
 * a program can act on (such as {@code currentDigest} of a tag that moved), often none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OperationFailed(
    OperationId operationId,
    Team team,
    Instant occurredAt,
    OperationKind kind,
    String reason,
    String message,
    Map<String, String> details)
    implements OperationEvent {

  public static final String TYPE = "operation.failed.v1";

  public OperationFailed {
    field(operationId, "operationId");
    field(team, "team");
    field(occurredAt, "occurredAt");
    field(kind, "kind");
    field(reason, "reason");
    field(message, "message");
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  /** A failure without details, as producers written before {@code details} existed build it. */
  public OperationFailed(
      OperationId operationId,
      Team team,
      Instant occurredAt,
      OperationKind kind,
      String reason,
      String message) {
    this(operationId, team, occurredAt, kind, reason, message, Map.of());
  }
}
