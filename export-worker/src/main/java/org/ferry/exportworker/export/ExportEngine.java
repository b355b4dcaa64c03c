package org.ferry.exportworker.export;

import java.io.IOException;
import java.io.OutputStream;
import org.ferry.image.ImageRef;
import org.ferry.operation.Progress;

/**
 * Writes one registry image to a stream as an archive that {@code docker load -i} accepts: the port
 * behind which export engines can be swapped and measured side by side.
 */
public interface ExportEngine {

  /** The stage that progress events of an export report. */
  String STAGE_DOWNLOADING = "downloading";

  /**
   * Writes {@code source} to {@code archive}, reporting bytes written of the image's total size.
   *
   * @return what was exported: the digest the tag pointed at and the name the archive loads as
   * @throws IOException only when writing to {@code archive} fails; a missing image or an
   *     unreachable registry is a {@link org.ferry.failure.FerryFailure}
   */
  ExportedImage write(ImageRef source, OutputStream archive, Progress progress) throws IOException;
}
