package org.ferry.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import org.ferry.failure.InvalidValue;

/**
 * A plain file name inside a team folder: one path segment, never a path, so a request cannot point
 * outside the folder the server chose.
 */
public record FileName(String value) {

  /** The longest name, in UTF-8 bytes, that still leaves room for Ferry's {@code .error} note. */
  public static final int MAX_BYTES = 255 - ".error".length();

  public static final String RULE =
      "a single file name of 1-"
          + MAX_BYTES
          + " bytes (UTF-8), without '/', NUL or control characters, not starting with '.'";

  public FileName {
    if (!isValid(value)) {
      throw new InvalidValue("file", value, RULE);
    }
  }

  @JsonCreator
  public static FileName of(String value) {
    return new FileName(value);
  }

  public static boolean isValid(String value) {
    return value != null
        && !value.isEmpty()
        && value.length() <= MAX_BYTES
        && value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES
        && !value.startsWith(".")
        && value.indexOf('/') < 0
        && value.indexOf('\\') < 0
        && value.chars().noneMatch(Character::isISOControl);
  }

  /** The name without {@code .tar.gz}, {@code .tgz} or {@code .tar}, as the image name to use. */
  public String stem() {
    for (var suffix : new String[] {".tar.gz", ".tgz", ".tar"}) {
      if (value.endsWith(suffix)) {
        return value.substring(0, value.length() - suffix.length());
      }
    }
    return value;
  }

  /** Whether the name ends like an archive Ferry pushes. */
  public boolean isArchive() {
    return !stem().equals(value);
  }

  public FileName withSuffix(String suffix) {
    return new FileName(value + suffix);
  }

  /**
   * {@code <name><suffix>} as a plain string, the name shortened (never split inside a character)
   * where the whole would not fit in a file name of 255 bytes.
   */
  public String withSuffixFitting(String suffix) {
    var room = 255 - suffix.getBytes(StandardCharsets.UTF_8).length;
    var name = value;
    while (name.getBytes(StandardCharsets.UTF_8).length > room) {
      name = name.substring(0, name.offsetByCodePoints(name.length(), -1));
    }
    return name + suffix;
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
