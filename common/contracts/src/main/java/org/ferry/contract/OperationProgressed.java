package org.ferry.contract;

import static org.ferry.contract.Required.field;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Stage;

/**
 * How far a running operation has come: {@code done} of {@code total} units (bytes unless the stage
 * says otherwise) in {@code stage} ({@link Stage#UNKNOWN} for one this reader does not know);
 * {@code total} is -1 while unknown.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OperationProgressed(
    OperationId operationId,
    Team team,
    Instant occurredAt,
    OperationKind kind,
    Stage stage,
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

  /** Progress in the stage of this label ({@link Stage#UNKNOWN} if Ferry has none by it). */
  public OperationProgressed(
      OperationId operationId,
      Team team,
      Instant occurredAt,
      OperationKind kind,
      String stage,
      long done,
      long total) {
    this(operationId, team, occurredAt, kind, Stage.of(stage), done, total);
  }
}
