package org.ferry.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ferry.failure.InvalidValue;

/** The name of an image inside a team's namespace, following the testbed's naming rule. */
public record ImageName(String value) {

  public static final String RULE = NameRule.DESCRIPTION;

  public ImageName {
    if (!NameRule.accepts(value)) {
      throw new InvalidValue("image name", value, RULE);
    }
  }

  @JsonCreator
  public static ImageName of(String value) {
    return new ImageName(value);
  }

  /** Whether {@code value} is a valid name, for callers that only need to sort candidates. */
  public static boolean isValid(String value) {
    return NameRule.accepts(value);
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
