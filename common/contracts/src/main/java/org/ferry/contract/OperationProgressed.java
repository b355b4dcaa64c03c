package org.ferry.contract;

import static org.ferry.contract.Required.field;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;

/**
 * How far a running operation has come: {@code done} of {@code total} units (bytes unless the stage
 * says otherwise) in {@code stage}; {@code total} is -1 while unknown.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OperationProgressed(
    OperationId operationId,
    Team team,
    Instant occurredAt,
    OperationKind kind,
    String stage,
    long done,
    long total)
    implements OperationEvent {

  public static final String TYPE = "operation.progressed.v1";

  public OperationProgressed {
    field(operationId, "operationId");
    field(team, "team");
    field(occurredAt, "occurredAt");
    field(kind, "kind");
    field(stage, "stage");
  }
}
