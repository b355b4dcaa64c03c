package org.ferry.contract;

import java.time.Instant;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;

/** Every message on Ferry's bus: it belongs to one operation of one team. */
public sealed interface FerryMessage permits OperationRequest, OperationEvent {

  OperationId operationId();

  Team team();

  Instant occurredAt();

  OperationKind kind();
}
