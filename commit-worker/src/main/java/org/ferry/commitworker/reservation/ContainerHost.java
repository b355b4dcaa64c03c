package org.ferry.commitworker.reservation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferry.docker.DockerEngine;
import org.ferry.image.ImageRef;

/**
 * Ferry's port to one Docker host that runs reservations: find its labelled containers, commit one
 * into an image, and push, size and remove that image with the engine's calls. Transient daemon
 * failures are retried and then thrown as {@code TransientFailure}.
 */
public interface ContainerHost extends DockerEngine, AutoCloseable {

  /** The name operators gave the host; reservations show it. */
  String name();

  /** The running containers that carry the label {@code key=value}. */
  List<ContainerInfo> running(String labelKey, String labelValue);

  /** The container as it is now, or empty once it is gone. */
  Optional<ContainerInfo> inspect(String containerId);

  /**
   * Commits the container's file system and configuration into {@code ref} on this host (paused
   * while the snapshot is taken when {@code pause}), overriding the given labels of the image.
   *
   * @return the new image's id
   */
  String commit(String containerId, ImageRef ref, boolean pause, Map<String, String> labels);

  /** Closes the host's connections. */
  @Override
  void close();
}
