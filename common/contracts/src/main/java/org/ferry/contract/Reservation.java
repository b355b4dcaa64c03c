package org.ferry.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * An active reservation: a running container labelled for a team on one of the commit worker's
 * Docker hosts. The page shows it as {@code "<name> - id: <id>"}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reservation(
    String id, String name, String host, String containerId, String image, Instant startedAt) {

  /** The label the Images page shows. */
  public String label() {
    return name + " - id: " + id;
  }
}
