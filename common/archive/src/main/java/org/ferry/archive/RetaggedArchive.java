package org.ferry.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.ferry.failure.FerryFailure;
import org.ferry.image.ImageRef;

/**
 * A {@code docker save} archive re-streamed as a plain tar in which the image is named only {@code
 * target}: {@code manifest.json}'s {@code RepoTags} become exactly {@code [target]}, the name
 * annotations of {@code index.json} follow, and the legacy {@code repositories} file is dropped.
 * The archive's own names therefore never tag anything on the daemon that loads it.
 *
 * <p>Pull-based: each read advances the source archive just far enough to fill the caller's buffer,
 * so memory stays at one chunk (plus the held-back manifests) whatever the image size. Every entry
 * passes the same rules as {@link ArchiveInspector} on the way through. A violation ends the stream
 * with an {@link IOException}; {@link #failure()} then holds the failure to report.
 *
 * <p>{@code manifest.json} and {@code index.json} are held back and written last, only once every
 * other entry has passed and the source has ended properly. A tar that simply stops at an entry
 * boundary looks complete to a daemon, so a stream cut short by a violation must not have carried a
 * manifest: without one, the daemon loads nothing. (The daemon reads the whole tar before it tags,
 * so a manifest at the end is what it expects anyway; {@code docker save} writes it near the end
 * too.)
 */
public final class RetaggedArchive extends InputStream {

  private static final String REPOSITORIES = "repositories";
  private static final int CHUNK = 256 * 1024;

  private final ArchiveReader reader;
  private final ImageRef target;
  private final Pending pending = new Pending();
  private final TarArchiveOutputStream out;
  private final byte[] chunk = new byte[CHUNK];
  private final Map<String, Deferred> heldBack = new LinkedHashMap<>();
  private boolean inEntry;
  private boolean finished;
  private FerryFailure failure;

  private RetaggedArchive(ArchiveReader reader, ImageRef target) {
    this.reader = reader;
    this.target = target;
    this.out = new TarArchiveOutputStream(pending);
    out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  /**
   * Opens {@code archive} for re-streaming under the name {@code target}.
   *
   * @param bytesRead told the running count of archive bytes read, for progress
   * @throws FerryFailure if the file cannot be opened or is not a gzip or tar archive
   */
  public static RetaggedArchive open(
      Path archive, ImageRef target, ArchiveLimits limits, LongConsumer bytesRead) {
    return new RetaggedArchive(ArchiveReader.open(archive, limits, bytesRead), target);
  }

  /** Why the stream ended early, if it did. */
  public Optional<FerryFailure> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public int read() throws IOException {
    var one = new byte[1];
    var n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (failure != null) {
      throw new ArchiveReader.Rejected(failure);
    }
    try {
      while (pending.isEmpty()) {
        if (!advance()) {
          return -1;
        }
      }
      return pending.drainTo(buffer, offset, length);
    } catch (FerryFailure e) {
      failure = e;
      throw new ArchiveReader.Rejected(e);
    }
  }

  @Override
  public void close() {
    reader.close();
  }

  /** Moves the source one step on; false once the output tar is complete and drained. */
  private boolean advance() throws IOException {
    if (finished) {
      return false;
    }
    if (inEntry) {
      var n = reader.read(chunk);
      if (n > 0) {
        out.write(chunk, 0, n);
      } else {
        out.closeArchiveEntry();
        inEntry = false;
      }
      return true;
    }
    var entry = reader.next();
    if (entry == null) {
      reader.finish();
      if (!heldBack.containsKey(ManifestJson.MANIFEST)) {
        throw BadArchive.because(
            reader.action(),
            "it has no manifest.json, so it is not an image saved by docker save",
            BadArchive.SAVE_AGAIN);
      }
      for (var deferred : heldBack.values()) {
        out.putArchiveEntry(deferred.header());
        out.write(deferred.content());
        out.closeArchiveEntry();
      }
      out.finish();
      finished = true;
      return true;
    }
    var path = entry.path();
    if (entry.isFile() && path.equals(REPOSITORIES)) {
      return true;
    }
    if (entry.isFile() && (path.equals(ManifestJson.MANIFEST) || path.equals(ManifestJson.INDEX))) {
      var json = reader.readSmall(entry);
      var rewritten =
          path.equals(ManifestJson.MANIFEST)
              ? ManifestJson.retag(json, target, reader.action())
              : ManifestJson.retagIndex(json, target, reader.action());
      // A new header: the reader still needs the original one's size to find the next entry.
      var header = new TarArchiveEntry(entry.tar().getName());
      header.setSize(rewritten.length);
      header.setMode(entry.tar().getMode());
      header.setModTime(entry.tar().getModTime());
      header.setUserName(entry.tar().getUserName());
      header.setGroupName(entry.tar().getGroupName());
      if (heldBack.putIfAbsent(path, new Deferred(header, rewritten)) != null) {
        throw BadArchive.because(
            reader.action(), "it holds " + path + " twice", BadArchive.SAVE_AGAIN);
      }
      return true;
    }
    out.putArchiveEntry(entry.tar());
    if (entry.isFile() && entry.tar().getSize() > 0) {
      inEntry = true;
    } else {
      out.closeArchiveEntry();
    }
    return true;
  }

  /** A rewritten manifest waiting for the end of the archive. */
  private record Deferred(TarArchiveEntry header, byte[] content) {}

  /** The bytes the tar writer produced and the caller has not read yet. */
  private static final class Pending extends ByteArrayOutputStream {
    private int position;

    Pending() {
      super(CHUNK + 16 * 1024);
    }

    boolean isEmpty() {
      return position == count;
    }

    int drainTo(byte[] buffer, int offset, int length) {
      var n = Math.min(length, count - position);
      System.arraycopy(buf, position, buffer, offset, n);
      position += n;
      if (position == count) {
        reset();
        position = 0;
      }
      return n;
    }
  }
}
