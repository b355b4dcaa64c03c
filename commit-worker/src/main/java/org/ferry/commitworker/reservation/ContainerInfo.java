package org.ferry.commitworker.reservation;

import java.time.Instant;
import java.util.Map;

/**
 * A container as a Docker host reports it: its id, the image it was started from, its labels, and
 * whether and since when it runs.
 */
public record ContainerInfo(
    String id, String image, Map<String, String> labels, boolean running, Instant startedAt) {

  public ContainerInfo {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** Whether this is still the same run of the container as {@code earlier}. */
  public boolean isSameRunAs(ContainerInfo earlier) {
    return running && id.equals(earlier.id()) && startedAt.equals(earlier.startedAt());
  }
}
