package org.ferry.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.ferry.failure.InvalidValue;

/** An image tag as the registry grammar defines it; no tag means {@code latest}. */
public record Tag(String value) {

  // Declared before LATEST: static fields initialise in order, and LATEST's constructor uses it.
  private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public static final String RULE =
      "1-128 characters: letters, digits, '_', '.' and '-', not starting with '.' or '-'";
  public static final Tag LATEST = new Tag("latest");

  public Tag {
    if (value == null || !PATTERN.matcher(value).matches()) {
      throw new InvalidValue("tag", value, RULE);
    }
  }

  @JsonCreator
  public static Tag of(String value) {
    return new Tag(value);
  }

  /** The given tag, or {@link #LATEST} when none was given. */
  public static Tag orLatest(String value) {
    return value == null || value.isEmpty() ? LATEST : new Tag(value);
  }

  public static boolean isValid(String value) {
    return value != null && PATTERN.matcher(value).matches();
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
