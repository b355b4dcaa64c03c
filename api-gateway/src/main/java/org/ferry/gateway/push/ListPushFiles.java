package org.ferry.gateway.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ferry.contract.FileName;
import org.ferry.image.Team;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.NasEntry;
import org.ferry.nas.NasFolder;
import org.ferry.nas.NasLayout;
import org.springframework.stereotype.Service;

/**
 * Lists a team's {@code push-images} for the Push panel, with the reason a file cannot be pushed
 * now: not an archive, a link, a name Ferry cannot take, already being pushed, or failed and not
 * replaced since. The folder is opened once without following links and read through that handle.
 */
@Service
class ListPushFiles {

  private static final int REASON_LENGTH = 300;
  private static final int NOTE_BYTES = 4096;

  private final NasLayout nas;
  private final ArchiveClaims claims;

  ListPushFiles(NasLayout nas, ArchiveClaims claims) {
    this.nas = nas;
    this.claims = claims;
  }

  List<PushFile> list(Team team) {
    var files = new ArrayList<PushFile>();
    try (var folder = nas.openPushImages(team)) {
      var entries = folder.list();
      var notes = new HashMap<String, NasEntry>();
      for (var entry : entries) {
        if (entry.nameReadable() && entry.name().endsWith(ArchiveClaims.ERROR_SUFFIX)) {
          notes.put(entry.name(), entry);
        }
      }
      for (var entry : entries) {
        var name = entry.name();
        if (entry.isFolder()
            || name.startsWith(".")
            || (entry.nameReadable() && name.endsWith(ArchiveClaims.ERROR_SUFFIX))) {
          continue;
        }
        var reason = reason(team, folder, entry, notes);
        files.add(
            new PushFile(shown(entry), entry.size(), entry.modified(), reason == null, reason));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + nas.pushImagesPath(team), e);
    }
    files.sort(Comparator.comparing(PushFile::name));
    return files;
  }

  private String reason(Team team, NasFolder folder, NasEntry entry, Map<String, NasEntry> notes)
      throws IOException {
    if (!entry.nameReadable()) {
      return "its name is not valid UTF-8: rename it";
    }
    var name = entry.name();
    if (!FileName.isValid(name)) {
      return name.getBytes(StandardCharsets.UTF_8).length > FileName.MAX_BYTES
          ? "its name is longer than " + FileName.MAX_BYTES + " bytes: rename it"
          : "its name breaks the rule: " + FileName.RULE;
    }
    var file = FileName.of(name);
    if (!file.isArchive()) {
      return "it is not an archive: Ferry pushes .tar.gz, .tgz and .tar files";
    }
    if (entry.kind() != NasEntry.Kind.FILE) {
      return "it is a link or special file: copy the archive itself into push-images";
    }
    if (entry.links() > 1) {
      return "it is a hard link: copy the archive itself into push-images";
    }
    var holder = claims.claimedBy(team, file);
    if (holder.isPresent()) {
      return "it is being pushed by operation " + holder.get();
    }
    var note = notes.get(name + ArchiveClaims.ERROR_SUFFIX);
    if (note != null && note.isFile() && !note.modified().isBefore(entry.modified())) {
      return "its last push failed and it was not replaced since: "
          + firstLine(folder.readText(note.name(), NOTE_BYTES).orElse(""));
    }
    return null;
  }

  /** A name that is not valid UTF-8 is shown with its undecodable bytes as {@code ?}. */
  private static String shown(NasEntry entry) {
    return entry.nameReadable() ? entry.name() : entry.name().replace('\uFFFD', '?');
  }

  private static String firstLine(String note) {
    var end = note.indexOf('\n');
    var line = end < 0 ? note : note.substring(0, end);
    if (line.isEmpty()) {
      return "(no reason recorded)";
    }
    return line.length() > REASON_LENGTH ? line.substring(0, REASON_LENGTH) + "…" : line;
  }
}
