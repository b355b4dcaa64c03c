package org.ferry.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.ferry.image.Team;
import org.ferry.nas.NasLayout;

/**
 * A team's exported-images folder, opened from the NAS root down without following links and then
 * used only through its open descriptor: a link swapped in after the folders were checked cannot
 * redirect Ferry's writes into another team's folder. Names are plain file names in this folder.
 */
final class ExportFolder implements Closeable {

  private final List<SecureDirectoryStream<Path>> opened;
  private final SecureDirectoryStream<Path> folder;

  private ExportFolder(List<SecureDirectoryStream<Path>> opened) {
    this.opened = opened;
    this.folder = opened.get(opened.size() - 1);
  }

  static ExportFolder open(NasLayout nas, Team team) throws IOException {
    var opened = new ArrayList<SecureDirectoryStream<Path>>();
    try {
      var stream = Files.newDirectoryStream(nas.root());
      if (!(stream instanceof SecureDirectoryStream<Path> root)) {
        stream.close();
        throw new IOException("the NAS file system offers no secure directory access");
      }
      opened.add(root);
      var teamFolder = root.newDirectoryStream(Path.of(team.value()), LinkOption.NOFOLLOW_LINKS);
      opened.add(teamFolder);
      opened.add(
          teamFolder.newDirectoryStream(
              Path.of(NasLayout.EXPORTED_IMAGES), LinkOption.NOFOLLOW_LINKS));
      return new ExportFolder(opened);
    } catch (IOException | RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  /** Whether anything, a link included, has {@code name}. */
  boolean exists(String name) throws IOException {
    try {
      folder
          .getFileAttributeView(
              Path.of(name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .readAttributes();
      return true;
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Creates the new file {@code name}; fails if anything, a link included, has that name. */
  FileChannel create(String name) throws IOException {
    var channel =
        folder.newByteChannel(
            Path.of(name),
            Set.of(
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS));
    if (channel instanceof FileChannel file) {
      return file;
    }
    channel.close();
    throw new IOException("the NAS file system cannot sync files");
  }

  /**
   * Renames {@code from} to {@code to} at once, replacing whatever {@code to} was (never its
   * target).
   */
  void rename(String from, String to) throws IOException {
    folder.move(Path.of(from), folder, Path.of(to));
  }

  /** Deletes {@code name} if it is there. */
  void delete(String name) throws IOException {
    try {
      folder.deleteFile(Path.of(name));
    } catch (NoSuchFileException e) {
      // Already gone is what we wanted.
    }
  }

  /**
   * Deletes the regular files whose name {@code matches} and that were last modified before {@code
   * before}; returns their names.
   */
  List<String> deleteOlder(Predicate<String> matches, Instant before) throws IOException {
    var deleted = new ArrayList<String>();
    try (var entries = folder.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS)) {
      for (var entry : entries) {
        var name = entry.getFileName().toString();
        if (!matches.test(name)) {
          continue;
        }
        var attributes =
            folder
                .getFileAttributeView(
                    Path.of(name), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
        if (attributes.isRegularFile()
            && attributes.lastModifiedTime().toInstant().isBefore(before)) {
          delete(name);
          deleted.add(name);
        }
      }
    }
    return deleted;
  }

  /** Makes the folder's renames durable, so a crash cannot bring back the old state. */
  void sync() throws IOException {
    try (var self = folder.newByteChannel(Path.of("."), Set.of(StandardOpenOption.READ))) {
      if (self instanceof FileChannel channel) {
        channel.force(true);
      }
    }
  }

  @Override
  public void close() throws IOException {
    closeAll(opened);
  }

  private static void closeAll(List<SecureDirectoryStream<Path>> streams) throws IOException {
    IOException failure = null;
    for (int i = streams.size() - 1; i >= 0; i--) {
      try {
        streams.get(i).close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
