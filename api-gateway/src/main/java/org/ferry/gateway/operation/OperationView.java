package org.ferry.gateway.operation;

import java.time.Instant;
import java.util.Map;
import org.ferry.operation.OperationStatus;

/**
 * One operation as the API and the page show it; {@code message} says what is being done while it
 * runs and is the green or red line once it ended.
 */
public record OperationView(
    String id,
    String kind,
    String team,
    OperationStatus status,
    String message,
    Progress progress,
    Map<String, String> result,
    Instant createdAt,
    Instant updatedAt,
    String source,
    String requestedBy) {

  /** How far a running operation has come; {@code total} is -1 while unknown. */
  public record Progress(String stage, long done, long total) {}
}
