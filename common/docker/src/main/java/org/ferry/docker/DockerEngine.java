package org.ferry.docker;

import java.io.InputStream;
import org.ferry.image.Digest;
import org.ferry.image.ImageRef;
import org.ferry.operation.Progress;
import org.ferry.registry.RegistryAccess;

/**
 * Ferry's port to a Docker daemon; only its adapter knows docker-java. Every call waits for the
 * daemon's stream to finish and treats an error item in it as a failure.
 */
public interface DockerEngine {

  /**
   * Loads a {@code docker save} stream into the daemon. The stream is opened anew for each attempt,
   * so a transient daemon failure can be retried.
   *
   * @return the references or image ids the daemon reported loading
   */
  java.util.List<String> load(ArchiveStream archive);

  /** Opens a fresh stream of the same bytes each time it is called. */
  @FunctionalInterface
  interface ArchiveStream {
    InputStream open() throws java.io.IOException;
  }

  /** Pushes {@code ref} with the given registry account and returns the manifest digest. */
  Digest push(ImageRef ref, RegistryAccess registry, Progress progress);

  /** Removes a tag (and the image, if that was its last tag); a missing one is not an error. */
  void remove(String imageOrRef);

  /** The image's uncompressed size in bytes as the daemon reports it. */
  long imageSize(String imageOrRef);

  /** Whether the daemon answers. */
  boolean ping();
}
