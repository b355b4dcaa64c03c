package org.ferry.contract;

import static org.ferry.contract.Required.field;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;

/**
 * The operation failed for good; {@code message} reads "Could not &lt;action&gt;: &lt;reason&gt;.
 * &lt;what to do&gt;" and {@code reason} is its low-cardinality class.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OperationFailed(
    OperationId operationId,
    Team team,
    Instant occurredAt,
    OperationKind kind,
    String reason,
    String message)
    implements OperationEvent {

  public static final String TYPE = "operation.failed.v1";

  public OperationFailed {
    field(operationId, "operationId");
    field(team, "team");
    field(occurredAt, "occurredAt");
    field(kind, "kind");
    field(reason, "reason");
    field(message, "message");
  }
}
