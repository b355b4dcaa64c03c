package org.ferry.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much of an untrusted archive Ferry is willing to read: bounds that stop decompression bombs,
 * archives with absurd numbers of entries and oversized manifests before they cost disk or memory.
 *
 * @param maxEntries entries in the tar, far above what any {@code docker save} of one image holds
 * @param maxManifestSize the largest {@code manifest.json} (or {@code index.json}) read into memory
 * @param maxUncompressedSize the largest tar, after gunzip, that Ferry reads
 * @param maxCompressionRatio uncompressed bytes per compressed byte beyond which a gzip archive is
 *     taken for a bomb (checked once more than {@link #RATIO_GRACE_BYTES} have been unpacked)
 */
@ConfigurationProperties("ferry.archive")
public record ArchiveLimits(
    Integer maxEntries,
    DataSize maxManifestSize,
    DataSize maxUncompressedSize,
    Integer maxCompressionRatio) {

  /**
   * Small archives are never called bombs: an image of a few empty files compresses extremely well
   * and is harmless.
   */
  public static final long RATIO_GRACE_BYTES = 64L * 1024 * 1024;

  public ArchiveLimits {
    maxEntries = maxEntries == null ? 10_000 : maxEntries;
    maxManifestSize = maxManifestSize == null ? DataSize.ofMegabytes(1) : maxManifestSize;
    maxUncompressedSize =
        maxUncompressedSize == null ? DataSize.ofGigabytes(64) : maxUncompressedSize;
    maxCompressionRatio = maxCompressionRatio == null ? 200 : maxCompressionRatio;
    if (maxEntries < 1
        || maxManifestSize.toBytes() < 1
        || maxUncompressedSize.toBytes() < 1
        || maxCompressionRatio < 1) {
      throw new IllegalArgumentException("ferry.archive limits must be positive");
    }
  }

  /** The defaults: 10000 entries, 1 MiB manifest, 64 GiB unpacked, ratio 200. */
  public static ArchiveLimits defaults() {
    return new ArchiveLimits(null, null, null, null);
  }
}
