package org.ferry.contract;

import static org.ferry.contract.Required.field;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Source;

/**
 * Commit the running container of reservation {@code reservationId} into {@code
 * <registry>/<team>/<image>:<tag>}; {@code pause} (default true) freezes it for a consistent
 * snapshot.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommitRequested(
    OperationId operationId,
    Team team,
    Instant occurredAt,
    String requestedBy,
    Source source,
    ReservationId reservationId,
    ImageName image,
    Tag tag,
    Boolean pause)
    implements OperationRequest {

  public static final String TYPE = "commit.requested.v1";

  public CommitRequested {
    field(operationId, "operationId");
    field(team, "team");
    field(occurredAt, "occurredAt");
    field(requestedBy, "requestedBy");
    field(source, "source");
    field(reservationId, "reservationId");
    field(image, "image");
    tag = tag == null ? Tag.LATEST : tag;
    pause = pause == null ? Boolean.TRUE : pause;
  }

  @Override
  public OperationKind kind() {
    return OperationKind.COMMIT;
  }
}
