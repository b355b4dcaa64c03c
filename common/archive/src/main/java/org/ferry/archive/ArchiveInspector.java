package org.ferry.archive;

import static org.ferry.archive.BadArchive.because;

import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.ferry.failure.FerryFailure;

/**
 * Checks an untrusted {@code docker save} archive from start to end before anything else reads it:
 * gzip or tar, every entry inside the archive root, no device nodes, within the size limits, and
 * exactly one image in {@code manifest.json}. Streams the archive once; memory does not grow with
 * its size.
 */
public final class ArchiveInspector {

  private final ArchiveLimits limits;

  public ArchiveInspector(ArchiveLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads the whole archive and says what it holds.
   *
   * @throws FerryFailure a permanent one (reason {@code bad-archive}) naming the broken rule and
   *     what to do, or a transient one when the NAS cannot be read
   */
  public ArchiveSummary inspect(Path archive) {
    return inspect(archive, bytes -> {});
  }

  /**
   * Like {@link #inspect(Path)}, telling {@code bytesRead} the running count of archive bytes read
   * so a long check can show progress.
   */
  public ArchiveSummary inspect(Path archive, LongConsumer bytesRead) {
    try (var entries = ArchiveEntries.open(archive, limits, bytesRead)) {
      byte[] manifest = null;
      for (var entry = entries.next(); entry != null; entry = entries.next()) {
        if (entry.path().equals(ManifestJson.MANIFEST) && entry.isFile()) {
          if (manifest != null) {
            throw because(entries.action(), "it holds manifest.json twice", BadArchive.SAVE_AGAIN);
          }
          manifest = entries.readSmall(entry);
        }
      }
      if (manifest == null) {
        throw because(
            entries.action(),
            "it has no manifest.json, so it is not an image saved by docker save",
            BadArchive.SAVE_AGAIN);
      }
      var repoTags = ManifestJson.repoTags(manifest, entries.action());
      return new ArchiveSummary(entries.gzip(), repoTags, entries.uncompressedBytes());
    }
  }
}
