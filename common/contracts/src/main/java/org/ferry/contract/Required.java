package org.ferry.contract;

import org.ferry.failure.InvalidValue;

/** Presence checks for message fields, so a message missing one is rejected as a whole. */
final class Required {

  private Required() {}

  static <T> T field(T value, String name) {
    if (value == null) {
      throw new InvalidValue(name, null, "the field is required");
    }
    return value;
  }
}
