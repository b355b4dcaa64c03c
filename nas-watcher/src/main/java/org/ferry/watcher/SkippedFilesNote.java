package org.ferry.watcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.ferry.image.Team;
import org.ferry.nas.NasLayout;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code push-images/ferry-skipped.txt} in step with the archives Ferry cannot take: one line
 * per file with what to do. A file whose name is the problem cannot have a note of its own beside
 * it; the team reads this one instead. It is written only when its text changes and removed once
 * nothing is skipped.
 */
@Component
class SkippedFilesNote {

  static final String NAME = "ferry-skipped.txt";
  private static final int MAX_READ = 64 * 1024;

  private final NasLayout layout;

  SkippedFilesNote(NasLayout layout) {
    this.layout = layout;
  }

  void update(Team team, List<SkippedFile> skipped) {
    try (var folder = layout.openPushImages(team)) {
      if (skipped.isEmpty()) {
        folder.delete(NAME);
        return;
      }
      var text = new StringBuilder("Ferry cannot push these files automatically:\n");
      skipped.stream()
          .sorted(java.util.Comparator.comparing(SkippedFile::shownName))
          .forEach(
              file ->
                  text.append(file.shownName())
                      .append(": ")
                      .append(file.explanation())
                      .append('\n'));
      if (!folder.readText(NAME, MAX_READ).map(text.toString()::equals).orElse(false)) {
        folder.writeText(NAME, text.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
