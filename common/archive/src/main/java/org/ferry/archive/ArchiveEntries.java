package org.ferry.archive;

import java.io.Closeable;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.ferry.failure.FerryFailure;

/**
 * The entries of an untrusted {@code docker save} archive (gzip or plain tar, legacy or OCI
 * layout), streamed once from start to end with every check applied as they pass: names and links
 * stay inside the archive, no device nodes or FIFOs, entry count, unpacked size and compression
 * ratio within the limits, and an archive cut short is caught. Memory does not grow with the
 * archive's size.
 *
 * <pre>{@code
 * try (var entries = ArchiveEntries.open(archive, limits, read -> {})) {
 *   for (var entry = entries.next(); entry != null; entry = entries.next()) {
 *     ... entry.content() ...
 *   }
 * }
 * }</pre>
 *
 * <p>Every problem surfaces as a {@link FerryFailure}: the archive's own faults as permanent ones
 * (reason {@code bad-archive}) that say what to do, a NAS that cannot be read as a transient one.
 */
public final class ArchiveEntries implements Closeable {

  private final ArchiveReader reader;
  private ArchiveReader.Entry current;
  private ArchiveEntry handedOut;
  private boolean ended;

  private ArchiveEntries(ArchiveReader reader) {
    this.reader = reader;
  }

  /**
   * Opens {@code archive} (never following a link) and checks that it is a gzip or tar archive.
   *
   * @param bytesRead told the running count of archive bytes read, for progress
   * @throws FerryFailure if the file is gone, cannot be read, or is no gzip or tar archive
   */
  public static ArchiveEntries open(Path archive, ArchiveLimits limits, LongConsumer bytesRead) {
    return new ArchiveEntries(ArchiveReader.open(archive, limits, bytesRead));
  }

  /**
   * The next entry, checked, or null once the archive has ended and the checks that need the whole
   * archive have passed too (nothing beneath a symbolic link, not cut short).
   *
   * @throws FerryFailure naming the rule the entry, or the archive, breaks
   */
  public ArchiveEntry next() {
    if (ended) {
      return null;
    }
    current = reader.next();
    if (current == null) {
      ended = true;
      reader.finish();
      reader.drain();
      return null;
    }
    handedOut =
        new ArchiveEntry(
            current.path(),
            kind(current),
            current.isFile() ? current.tar().getSize() : 0,
            current.linkTarget(),
            current.isFile() ? reader.content() : InputStream.nullInputStream());
    return handedOut;
  }

  /**
   * The whole content of the current entry, a small JSON file such as {@code manifest.json},
   * refusing one above the manifest limit before reading it.
   */
  public byte[] readSmall(ArchiveEntry entry) {
    if (entry == null || entry != handedOut) {
      throw new IllegalStateException("Only the current entry can be read");
    }
    return reader.readSmall(current);
  }

  /**
   * The path of the entry that {@code path} (as {@code manifest.json} names it) finally points at,
   * following the links seen so far; {@code path} itself when it is no link. Call it after the
   * archive ended to know every link.
   */
  public String resolve(String path) {
    return reader.resolve(path);
  }

  /** The text that starts every failure about this archive, such as {@code push x.tar.gz}. */
  public String action() {
    return reader.action();
  }

  public boolean gzip() {
    return reader.gzip();
  }

  /** How many bytes of tar have been read so far; the tar's size once the archive ended. */
  public long uncompressedBytes() {
    return reader.uncompressedBytes();
  }

  @Override
  public void close() {
    reader.close();
  }

  private static ArchiveEntry.Kind kind(ArchiveReader.Entry entry) {
    if (entry.isFile()) {
      return ArchiveEntry.Kind.FILE;
    }
    return switch (entry.tar().getLinkFlag()) {
      case TarConstants.LF_SYMLINK -> ArchiveEntry.Kind.SYMBOLIC_LINK;
      case TarConstants.LF_LINK -> ArchiveEntry.Kind.HARD_LINK;
      default -> ArchiveEntry.Kind.DIRECTORY;
    };
  }
}
