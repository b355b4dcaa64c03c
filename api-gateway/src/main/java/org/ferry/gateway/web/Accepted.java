package org.ferry.gateway.web;

import java.net.URI;
import org.ferry.operation.OperationId;
import org.springframework.http.ResponseEntity;

/** The answer to a request the broker confirmed: 202 and where to follow the operation. */
public record Accepted(String operationId) {

  public static ResponseEntity<Accepted> of(OperationId id) {
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/operations/" + id))
        .body(new Accepted(id.value()));
  }
}
