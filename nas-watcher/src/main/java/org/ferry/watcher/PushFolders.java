package org.ferry.watcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferry.contract.FileName;
import org.ferry.image.Team;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.NasEntry;
import org.ferry.nas.NasLayout;
import org.springframework.stereotype.Component;

/**
 * Reads the teams' {@code push-images} folders: each team's folder is opened once per scan without
 * following links and listed through that handle, so a team that swaps its folder for a link to
 * another team's is refused, never followed.
 */
@Component
class PushFolders {

  /** A team that creates this file in its {@code push-images} gets no automatic pushes. */
  static final String NO_AUTO_PUSH_MARKER = ".ferry-no-auto-push";

  private final NasLayout layout;

  PushFolders(NasLayout layout) {
    this.layout = layout;
  }

  List<Team> teams() {
    return layout.teams();
  }

  /** Where {@code team}'s archives are, as the paths of {@link ArchiveFile}s name them. */
  Path pushImagesPath(Team team) {
    return layout.pushImagesPath(team);
  }

  /**
   * One look at {@code <team>/push-images}: its archives (regular files and links named {@code
   * *.tar.gz}, {@code *.tgz} or {@code *.tar}; links are listed so that claiming can reject them
   * with a note), the time of each archive's {@code .error} note, whether the team switched
   * automatic push off, and the archives whose name Ferry cannot take. Dotfiles (rsync's {@code
   * .name.XXXXXX}), {@code *.part}, {@code *.error}, {@code *.failed-*} and folders are not
   * archives.
   */
  PushFolder read(Team team) {
    var archives = new ArrayList<ArchiveFile>();
    var notes = new HashMap<String, Instant>();
    var skipped = new ArrayList<SkippedFile>();
    var autoPushOff = false;
    try (var folder = layout.openPushImages(team)) {
      for (var entry : folder.list()) {
        var name = entry.name();
        if (!entry.nameReadable()) {
          skipped.add(SkippedFile.unreadable(name));
        } else if (name.equals(NO_AUTO_PUSH_MARKER)) {
          autoPushOff = true;
        } else if (name.endsWith(ArchiveClaims.ERROR_SUFFIX) && entry.isFile()) {
          notes.put(
              name.substring(0, name.length() - ArchiveClaims.ERROR_SUFFIX.length()),
              entry.modified());
        } else if (looksLikeArchive(name) && isFileOrLink(entry)) {
          if (FileName.isValid(name)) {
            archives.add(archive(team, FileName.of(name), entry));
          } else {
            skipped.add(SkippedFile.badName(name));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + layout.pushImagesPath(team), e);
    }
    return new PushFolder(team, archives, notes, autoPushOff, skipped);
  }

  static boolean isArchiveName(String name) {
    return FileName.isValid(name) && FileName.of(name).isArchive();
  }

  /** An archive's name by its ending alone, before the name rule is checked. */
  private static boolean looksLikeArchive(String name) {
    return !name.startsWith(".")
        && (name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar"));
  }

  private static boolean isFileOrLink(NasEntry entry) {
    return entry.kind() == NasEntry.Kind.FILE || entry.kind() == NasEntry.Kind.LINK;
  }

  private ArchiveFile archive(Team team, FileName name, NasEntry entry) {
    return new ArchiveFile(
        team,
        name,
        layout.pushImagesPath(team).resolve(name.value()),
        entry.size(),
        entry.modified(),
        entry.changed(),
        entry.identity());
  }

  /** What one scan found in one team's {@code push-images}. */
  record PushFolder(
      Team team,
      List<ArchiveFile> archives,
      Map<String, Instant> errorNotes,
      boolean autoPushOff,
      List<SkippedFile> skipped) {

    /** When the archive's {@code .error} note was written, if it has one. */
    Optional<Instant> errorNote(ArchiveFile archive) {
      return Optional.ofNullable(errorNotes.get(archive.name().value()));
    }
  }
}
