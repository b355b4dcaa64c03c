package org.ferry.archive;

import java.io.InputStream;
import java.util.Optional;

/**
 * One entry of a {@code docker save} archive that passed every check: its normalized path (no
 * leading {@code ./}, no trailing {@code /}), its kind, its size, where it points if it is a link,
 * and its content, readable only until {@link ArchiveEntries#next()} moves on.
 */
public final class ArchiveEntry {

  /** What an entry is; a {@code docker save} archive holds nothing else. */
  public enum Kind {
    FILE,
    DIRECTORY,
    SYMBOLIC_LINK,
    HARD_LINK
  }

  private final String path;
  private final Kind kind;
  private final long size;
  private final String linkTarget;
  private final InputStream content;

  ArchiveEntry(String path, Kind kind, long size, String linkTarget, InputStream content) {
    this.path = path;
    this.kind = kind;
    this.size = size;
    this.linkTarget = linkTarget;
    this.content = content;
  }

  public String path() {
    return path;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isFile() {
    return kind == Kind.FILE;
  }

  /** The bytes of content a file carries; 0 for the other kinds. */
  public long size() {
    return size;
  }

  /**
   * For a link, the path inside the archive it points at, resolved against the link's folder (a
   * link may point at another link; {@link ArchiveEntries#resolve(String)} follows them all).
   */
  public Optional<String> linkTarget() {
    return Optional.ofNullable(linkTarget);
  }

  /**
   * The entry's content, streamed from the archive as it is read and checked against the limits on
   * the way. A broken limit throws its {@link org.ferry.failure.FerryFailure}; an archive that
   * breaks off or cannot be read throws an {@link java.io.IOException}. Closing it leaves the
   * archive open; reading it after the next entry was asked for is a bug and throws {@link
   * IllegalStateException}.
   */
  public InputStream content() {
    return content;
  }
}
