package org.ferry.watcher;

import java.nio.file.Path;
import java.time.Instant;
import org.ferry.contract.FileName;
import org.ferry.image.Team;

/**
 * One archive in a team's {@code push-images} as a scan found it.
 *
 * @param modified the file's modification time
 * @param changed the later of its modification and status-change times: a file renamed into place
 *     by rsync or {@code cp -p} keeps an old modification time, but its status-change time is new
 * @param identity the file system's key for the file (device and inode), so that a file replaced
 *     under the same name is told apart from the one before
 */
record ArchiveFile(
    Team team,
    FileName name,
    Path path,
    long size,
    Instant modified,
    Instant changed,
    Object identity) {

  /**
   * Whether an {@code .error} note written at {@code noteWritten} still applies: the archive failed
   * before and has not been replaced or touched since.
   */
  boolean isCoveredByErrorNote(Instant noteWritten) {
    return !noteWritten.isBefore(changed);
  }
}
