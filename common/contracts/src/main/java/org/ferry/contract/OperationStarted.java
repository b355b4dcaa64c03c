package org.ferry.contract;

import static org.ferry.contract.Required.field;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;

/** A worker took the operation on. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OperationStarted(
    OperationId operationId, Team team, Instant occurredAt, OperationKind kind, String worker)
    implements OperationEvent {

  public static final String TYPE = "operation.started.v1";

  public OperationStarted {
    field(operationId, "operationId");
    field(team, "team");
    field(occurredAt, "occurredAt");
    field(kind, "kind");
  }
}
