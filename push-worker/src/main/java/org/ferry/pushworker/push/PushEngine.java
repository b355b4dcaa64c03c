package org.ferry.pushworker.push;

import java.nio.file.Path;
import org.ferry.failure.FerryFailure;
import org.ferry.image.ImageRef;
import org.ferry.operation.Progress;

/**
 * Ferry's port for the push path: a checked {@code docker save} archive goes in, an image in the
 * registry comes out. The registry engine streams the layers straight to the registry; the docker
 * engine loads and pushes through a daemon. Either serves the listener and the contracts alike.
 */
public interface PushEngine {

  /**
   * Pushes the single image of {@code archive} as {@code target}, naming it nothing else anywhere,
   * and leaves nothing behind on the way (local images, temporary files), also when it fails.
   *
   * @param archive an archive that {@code ArchiveInspector} accepted
   * @param progress told the stages {@code reading} (archive bytes of the file size) and {@code
   *     uploading}
   * @return the manifest digest the registry now serves for {@code target}, and the image size
   * @throws FerryFailure permanent for the archive's or the request's faults, transient otherwise
   */
  PushedImage push(Path archive, ImageRef target, Progress progress);
}
