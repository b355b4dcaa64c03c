package org.ferry.exportworker.export;

import java.util.Objects;
import org.ferry.image.Digest;

/**
 * What an engine exported: the manifest digest the tag pointed at, and the {@code
 * <namespace>/<name>:<tag>} that {@code docker load} tags the image with.
 */
public record ExportedImage(Digest digest, String loadsAs) {

  public ExportedImage {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(loadsAs, "loadsAs");
  }
}
