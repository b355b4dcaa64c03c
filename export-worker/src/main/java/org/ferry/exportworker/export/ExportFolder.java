package org.ferry.exportworker.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.ferry.image.Team;
import org.ferry.nas.NasFolder;
import org.ferry.nas.NasLayout;

/**
 * A team's exported-images folder, opened from the NAS root down without following links and then
 * used only through its open descriptor: a link swapped in after the folders were checked cannot
 * redirect Ferry's writes into another team's folder. Names are plain file names in this folder.
 */
final class ExportFolder implements Closeable {

  private final NasFolder folder;

  private ExportFolder(NasFolder folder) {
    this.folder = folder;
  }

  /**
   * @throws org.ferry.failure.PermanentFailure if the folder is missing or a link
   */
  static ExportFolder open(NasLayout nas, Team team) {
    return new ExportFolder(nas.openExportedImages(team));
  }

  /** Whether anything, a link included, has {@code name}. */
  boolean exists(String name) throws IOException {
    return folder.entry(name).isPresent();
  }

  /**
   * Creates the new file {@code name}, readable by the team as its folder is; fails if anything, a
   * link included, has that name.
   */
  FileChannel create(String name) throws IOException {
    return folder.createFile(name);
  }

  /**
   * Renames {@code from} to {@code to} at once, replacing whatever {@code to} was (never its
   * target).
   */
  void rename(String from, String to) throws IOException {
    folder.rename(from, folder, to);
  }

  /** Deletes {@code name} if it is there. */
  void delete(String name) throws IOException {
    folder.delete(name);
  }

  /**
   * Deletes the regular files whose name {@code matches} and that were last modified before {@code
   * before}; returns their names.
   */
  List<String> deleteOlder(Predicate<String> matches, Instant before) throws IOException {
    var deleted = new ArrayList<String>();
    for (var entry : folder.list()) {
      if (entry.nameReadable()
          && matches.test(entry.name())
          && entry.isFile()
          && entry.modified().isBefore(before)) {
        folder.delete(entry.name());
        deleted.add(entry.name());
      }
    }
    return deleted;
  }

  /** Makes the folder's renames durable, so a crash cannot bring back the old state. */
  void sync() throws IOException {
    folder.sync();
  }

  @Override
  public void close() throws IOException {
    folder.close();
  }
}
