package org.ferry.archive;

import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;

/** The permanent failures an archive earns by breaking one of Ferry's rules. */
final class BadArchive {

  static final String SAVE_AGAIN = "Save the image again with docker save -o x.tar IMAGE.";
  static final String ONE_IMAGE =
      "Save exactly one image per archive (docker save -o x.tar IMAGE).";

  private BadArchive() {}

  static PermanentFailure because(String action, String reason, String remedy) {
    return new PermanentFailure(action, reason, remedy, ReasonCodes.BAD_ARCHIVE);
  }

  static PermanentFailure because(String action, String reason, String remedy, Throwable cause) {
    return new PermanentFailure(action, reason, remedy, ReasonCodes.BAD_ARCHIVE, cause);
  }

  /** Entry names are shown to users: cut long ones and hide control characters. */
  static String shown(String name) {
    var cut = name.length() > 120 ? name.substring(0, 120) + "…" : name;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
