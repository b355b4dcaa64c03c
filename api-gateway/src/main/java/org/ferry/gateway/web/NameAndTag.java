package org.ferry.gateway.web;

import org.ferry.failure.InvalidValue;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;

/**
 * A user's {@code name[:tag]} split on its single ':' into the parts Ferry builds references from;
 * it is never read as a full image reference.
 */
public record NameAndTag(ImageName name, Tag tag) {

  public static final String RULE = "name[:tag], where the name has " + ImageName.RULE;

  /**
   * @param field the request field the value came from, named in the 400 if it is wrong
   */
  public static NameAndTag parse(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidValue(field, value, "required: " + RULE);
    }
    var parts = value.split(":", -1);
    if (parts.length > 2) {
      throw new InvalidValue(field, value, "at most one ':' between name and tag (" + RULE + ")");
    }
    if (!ImageName.isValid(parts[0])) {
      throw new InvalidValue(field, value, "the name must have " + ImageName.RULE);
    }
    if (parts.length == 2 && !Tag.isValid(parts[1])) {
      throw new InvalidValue(field, value, "the tag must have " + Tag.RULE);
    }
    return new NameAndTag(
        ImageName.of(parts[0]), parts.length == 2 ? Tag.of(parts[1]) : Tag.LATEST);
  }

  @Override
  public String toString() {
    return name + ":" + tag;
  }
}
