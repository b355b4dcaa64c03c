package org.ferry.nas;

import java.time.Instant;

/**
 * One entry of a {@link NasFolder} as it was read, links not followed.
 *
 * @param nameReadable false when the name's bytes are not valid in the file-name charset (UTF-8):
 *     such an entry can be reported but never addressed by its name
 * @param changed the later of modification and status-change time: a file renamed into place by
 *     rsync or {@code cp -p} keeps an old modification time, but its status-change time is new
 * @param identity the file system's key for the file (device and inode)
 * @param links how many names the file has; more than one means a hard link
 */
public record NasEntry(
    String name,
    boolean nameReadable,
    Kind kind,
    long size,
    Instant modified,
    Instant changed,
    Object identity,
    int links) {

  /** What an entry is. */
  public enum Kind {
    FILE,
    FOLDER,
    LINK,
    OTHER
  }

  public NasEntry {
    changed = changed.isAfter(modified) ? changed : modified;
  }

  public boolean isFile() {
    return kind == Kind.FILE;
  }

  public boolean isFolder() {
    return kind == Kind.FOLDER;
  }
}
