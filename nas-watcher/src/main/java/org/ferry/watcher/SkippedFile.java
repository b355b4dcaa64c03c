package org.ferry.watcher;

import java.nio.charset.StandardCharsets;
import org.ferry.contract.FileName;

/**
 * An archive in {@code push-images} whose name Ferry cannot take, so it cannot even write an {@code
 * .error} note beside it: the name is too long, has characters no route can carry, or is not valid
 * UTF-8.
 *
 * @param shownName the name made printable for notes and logs
 * @param reason a low-cardinality reason, also the metric's tag
 * @param explanation what is wrong and what to do, for the team's notes file
 */
record SkippedFile(String shownName, String reason, String explanation) {

  static final String NOT_UTF8 = "name-not-utf8";
  static final String TOO_LONG = "name-too-long";
  static final String INVALID = "name-invalid";

  private static final int SHOWN_LENGTH = 120;

  static SkippedFile unreadable(String name) {
    return new SkippedFile(
        printable(name),
        NOT_UTF8,
        "its name is not valid UTF-8, so no page, API call or note can name it."
            + " Rename it (for example with `mv -- *.tar.gz new-name.tar.gz` in that folder).");
  }

  static SkippedFile badName(String name) {
    var tooLong = name.getBytes(StandardCharsets.UTF_8).length > FileName.MAX_BYTES;
    return new SkippedFile(
        printable(name),
        tooLong ? TOO_LONG : INVALID,
        tooLong
            ? "its name is longer than "
                + FileName.MAX_BYTES
                + " bytes, which leaves no room for Ferry's note beside it. Rename it to a"
                + " shorter name."
            : "its name breaks the rule: " + FileName.RULE + ". Rename it.");
  }

  /** Control characters and undecodable bytes become {@code ?}; long names are cut short. */
  private static String printable(String name) {
    var shown = new StringBuilder();
    name.codePoints()
        .limit(SHOWN_LENGTH)
        .forEach(
            c ->
                shown.appendCodePoint(
                    Character.isISOControl(c) || c == 0xFFFD || (c >= 0xD800 && c <= 0xDFFF)
                        ? '?'
                        : c));
    if (name.codePointCount(0, name.length()) > SHOWN_LENGTH) {
      shown.append('…');
    }
    return shown.toString();
  }
}
