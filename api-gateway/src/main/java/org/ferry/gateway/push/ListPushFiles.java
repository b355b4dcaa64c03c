package org.ferry.gateway.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ferry.image.Team;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.FileName;
import org.ferry.nas.NasLayout;
import org.springframework.stereotype.Service;

/**
 * Lists a team's {@code push-images} for the Push panel, with the reason a file cannot be pushed
 * now: not an archive, a link, already being pushed, or failed and not replaced since.
 */
@Service
class ListPushFiles {

  private static final int REASON_LENGTH = 300;

  private final NasLayout nas;
  private final ArchiveClaims claims;

  ListPushFiles(NasLayout nas, ArchiveClaims claims) {
    this.nas = nas;
    this.claims = claims;
  }

  List<PushFile> list(Team team) {
    var folder = nas.pushImages(team);
    var files = new ArrayList<PushFile>();
    try (var entries = Files.newDirectoryStream(folder)) {
      for (var entry : entries) {
        var name = entry.getFileName().toString();
        if (name.startsWith(".") || name.endsWith(ArchiveClaims.ERROR_SUFFIX)) {
          continue;
        }
        describe(team, folder, entry).ifPresent(files::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + folder, e);
    }
    files.sort(Comparator.comparing(PushFile::name));
    return files;
  }

  private Optional<PushFile> describe(Team team, Path folder, Path entry) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes =
          Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException gone) {
      return Optional.empty();
    }
    if (attributes.isDirectory()) {
      return Optional.empty();
    }
    var name = entry.getFileName().toString();
    var reason = reason(team, folder, entry, name, attributes);
    return Optional.of(
        new PushFile(
            name,
            attributes.size(),
            attributes.lastModifiedTime().toInstant(),
            reason == null,
            reason));
  }

  private String reason(
      Team team, Path folder, Path entry, String name, BasicFileAttributes attributes)
      throws IOException {
    if (!FileName.isValid(name)) {
      return "its name breaks the rule: " + FileName.RULE;
    }
    var file = FileName.of(name);
    if (!file.isArchive()) {
      return "it is not an archive: Ferry pushes .tar.gz, .tgz and .tar files";
    }
    if (attributes.isSymbolicLink() || !attributes.isRegularFile()) {
      return "it is a link or special file: copy the archive itself into push-images";
    }
    if (links(entry) > 1) {
      return "it is a hard link: copy the archive itself into push-images";
    }
    var holder = claims.claimedBy(team, file);
    if (holder.isPresent()) {
      return "it is being pushed by operation " + holder.get();
    }
    var error = folder.resolve(name + ArchiveClaims.ERROR_SUFFIX);
    if (Files.isRegularFile(error, LinkOption.NOFOLLOW_LINKS)
        && !modified(error).isBefore(attributes.lastModifiedTime().toInstant())) {
      return "its last push failed and it was not replaced since: " + firstLine(error);
    }
    return null;
  }

  private static int links(Path entry) throws IOException {
    try {
      return ((Number) Files.getAttribute(entry, "unix:nlink", LinkOption.NOFOLLOW_LINKS))
          .intValue();
    } catch (UnsupportedOperationException notPosix) {
      return 1;
    }
  }

  private static Instant modified(Path path) throws IOException {
    FileTime time = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
    return time.toInstant();
  }

  private static String firstLine(Path error) throws IOException {
    try (var reader = Files.newBufferedReader(error, StandardCharsets.UTF_8)) {
      var line = reader.readLine();
      if (line == null) {
        return "(no reason recorded)";
      }
      return line.length() > REASON_LENGTH ? line.substring(0, REASON_LENGTH) + "…" : line;
    }
  }
}
