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
 * Export {@code <registry>/<sourceNamespace>/<image>:<tag>} (the team's own namespace or {@code
 * common}) to {@code <team>/exported-images/<exportName>.tar.gz}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportRequested(
    OperationId operationId,
    Team team,
    Instant occurredAt,
    String requestedBy,
    Source source,
    Team sourceNamespace,
    ImageName image,
    Tag tag,
    ImageName exportName,
    Boolean overwrite)
    implements OperationRequest {

  public static final String TYPE = "export.requested.v1";

  public ExportRequested {
    field(operationId, "operationId");
    field(team, "team");
    field(occurredAt, "occurredAt");
    field(requestedBy, "requestedBy");
    field(source, "source");
    field(sourceNamespace, "sourceNamespace");
    field(image, "image");
    field(exportName, "exportName");
    tag = tag == null ? Tag.LATEST : tag;
    overwrite = overwrite == null ? Boolean.FALSE : overwrite;
  }

  @Override
  public OperationKind kind() {
    return OperationKind.EXPORT;
  }
}
