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
 * Push the archive {@code <team>/push-images/<file>} to {@code <registry>/<team>/<image>:<tag>}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PushRequested(
    OperationId operationId,
    Team team,
    Instant occurredAt,
    String requestedBy,
    Source source,
    FileName file,
    ImageName image,
    Tag tag)
    implements OperationRequest {

  public static final String TYPE = "push.requested.v1";

  public PushRequested {
    field(operationId, "operationId");
    field(team, "team");
    field(occurredAt, "occurredAt");
    field(requestedBy, "requestedBy");
    field(source, "source");
    field(file, "file");
    field(image, "image");
    tag = tag == null ? Tag.LATEST : tag;
  }

  @Override
  public OperationKind kind() {
    return OperationKind.PUSH;
  }
}
