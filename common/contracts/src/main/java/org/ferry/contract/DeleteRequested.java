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
 * Delete {@code <registry>/<team>/<image>:<tag>} for good; {@code allTags} allows removing the
 * other tags that share its digest.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeleteRequested(
    OperationId operationId,
    Team team,
    Instant occurredAt,
    String requestedBy,
    Source source,
    ImageName image,
    Tag tag,
    Boolean allTags)
    implements OperationRequest {

  public static final String TYPE = "delete.requested.v1";

  public DeleteRequested {
    field(operationId, "operationId");
    field(team, "team");
    field(occurredAt, "occurredAt");
    field(requestedBy, "requestedBy");
    field(source, "source");
    field(image, "image");
    field(tag, "tag");
    allTags = allTags == null ? Boolean.FALSE : allTags;
  }

  @Override
  public OperationKind kind() {
    return OperationKind.DELETE;
  }
}
