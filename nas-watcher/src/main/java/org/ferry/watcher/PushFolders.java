package org.ferry.watcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferry.image.Team;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.FileName;
import org.ferry.nas.NasLayout;
import org.springframework.stereotype.Component;

/**
 * Reads the teams' {@code push-images} folders without following links: the archives in them, their
 * {@code .error} notes, and whether a team switched automatic push off.
 */
@Component
class PushFolders {

  /** A team that creates this file in its {@code push-images} gets no automatic pushes. */
  static final String NO_AUTO_PUSH_MARKER = ".ferry-no-auto-push";

  private static final String ATTRIBUTES =
      "unix:size,lastModifiedTime,ctime,fileKey,isRegularFile,isSymbolicLink";

  private final NasLayout layout;

  PushFolders(NasLayout layout) {
    this.layout = layout;
  }

  List<Team> teams() {
    return layout.teams();
  }

  /**
   * The archives in {@code <team>/push-images}: regular files and links named {@code *.tar.gz},
   * {@code *.tgz} or {@code *.tar}. Links are listed so that claiming can reject them with a note;
   * dotfiles (rsync's {@code .name.XXXXXX}), {@code *.part}, {@code *.error}, {@code *.failed-*}
   * and folders are not archives.
   */
  List<ArchiveFile> archives(Team team) {
    var folder = layout.pushImages(team);
    var archives = new ArrayList<ArchiveFile>();
    try (var entries = Files.newDirectoryStream(folder)) {
      for (var entry : entries) {
        var name = entry.getFileName().toString();
        if (isArchiveName(name)) {
          read(team, FileName.of(name), entry).ifPresent(archives::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + folder, e);
    }
    return archives;
  }

  /** When the archive's {@code .error} note was written, if it has one. */
  Optional<Instant> errorNote(ArchiveFile archive) {
    var note = archive.path().resolveSibling(archive.name() + ArchiveClaims.ERROR_SUFFIX);
    try {
      return Optional.of(Files.getLastModifiedTime(note, LinkOption.NOFOLLOW_LINKS).toInstant());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean hasNoAutoPushMarker(Team team) {
    return Files.exists(
        layout.pushImages(team).resolve(NO_AUTO_PUSH_MARKER), LinkOption.NOFOLLOW_LINKS);
  }

  static boolean isArchiveName(String name) {
    return FileName.isValid(name) && FileName.of(name).isArchive();
  }

  private static Optional<ArchiveFile> read(Team team, FileName name, Path entry) {
    Map<String, Object> attributes;
    try {
      attributes = Files.readAttributes(entry, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(Boolean) attributes.get("isRegularFile") && !(Boolean) attributes.get("isSymbolicLink")) {
      return Optional.empty();
    }
    var modified = ((FileTime) attributes.get("lastModifiedTime")).toInstant();
    var statusChanged = ((FileTime) attributes.get("ctime")).toInstant();
    return Optional.of(
        new ArchiveFile(
            team,
            name,
            entry,
            (Long) attributes.get("size"),
            modified,
            statusChanged.isAfter(modified) ? statusChanged : modified,
            attributes.get("fileKey")));
  }
}
