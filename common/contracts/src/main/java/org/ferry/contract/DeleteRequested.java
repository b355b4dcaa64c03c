package org.ferry.contract;

import static org.ferry.contract.Required.field;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Optional;
import org.ferry.image.Digest;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Source;

/**
 * Delete {@code <registry>/<team>/<image>:<tag>} for good; {@code allTags} allows removing the
 * other tags that share its digest. {@code digest}, when given, is the digest the requester saw:
 * the tag is deleted only while it still points at it. Without it (older producers) nothing is
 * checked.
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
    Boolean allTags,
    Digest digest)
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

  /** A request without a digest to check, as producers written before {@code digest} build it. */
  public DeleteRequested(
      OperationId operationId,
      Team team,
      Instant occurredAt,
      String requestedBy,
      Source source,
      ImageName image,
      Tag tag,
      Boolean allTags) {
    this(operationId, team, occurredAt, requestedBy, source, image, tag, allTags, null);
  }

  /** The digest the requester saw, if it named one. */
  public Optional<Digest> expectedDigest() {
    return Optional.ofNullable(digest);
  }

  @Override
  public OperationKind kind() {
    return OperationKind.DELETE;
  }
}
