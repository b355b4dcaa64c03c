package org.ferry.image;

import java.util.regex.Pattern;

/** The testbed's naming rule, which also satisfies the registry's repository-name grammar. */
final class NameRule {

  static final String DESCRIPTION =
      "1-29 characters, lowercase letters and digits, separated by single '-' or '_'"
          + " (no leading, trailing or doubled separator)";

  private static final int MAX_LENGTH = 29;
  private static final Pattern PATTERN = Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)*");

  private NameRule() {}

  static boolean accepts(String value) {
    return value != null
        && !value.isEmpty()
        && value.length() <= MAX_LENGTH
        && PATTERN.matcher(value).matches();
  }
}
