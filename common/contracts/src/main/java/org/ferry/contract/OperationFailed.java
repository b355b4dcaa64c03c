package org.ferry.contract;

import static org.ferry.contract.Required.field;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;
import org.ferry.failure.Reason;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;

/**
 * The operation failed for good; {@code message} reads "Could not &lt;action&gt;: &lt;reason&gt;.
 * &lt;what to do&gt;", {@code reason} is its low-cardinality class ({@link Reason#UNKNOWN} for one
 * this reader does not know) and {@code details} holds facts a program can act on (such as {@code
 * currentDigest} of a tag that moved), often none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OperationFailed(
    OperationId operationId,
    Team team,
    Instant occurredAt,
    OperationKind kind,
    Reason reason,
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

  /** A failure with the reason of this label ({@link Reason#UNKNOWN} if it has none). */
  public OperationFailed(
      OperationId operationId,
      Team team,
      Instant occurredAt,
      OperationKind kind,
      String reason,
      String message,
      Map<String, String> details) {
    this(operationId, team, occurredAt, kind, Reason.of(reason), message, details);
  }

  /** A failure without details, as producers written before {@code details} existed build it. */
  public OperationFailed(
      OperationId operationId,
      Team team,
      Instant occurredAt,
      OperationKind kind,
      String reason,
      String message) {
    this(operationId, team, occurredAt, kind, Reason.of(reason), message, Map.of());
  }

  /** A failure of a known reason, without details. */
  public OperationFailed(
      OperationId operationId,
      Team team,
      Instant occurredAt,
      OperationKind kind,
      Reason reason,
      String message) {
    this(operationId, team, occurredAt, kind, reason, message, Map.of());
  }
}
