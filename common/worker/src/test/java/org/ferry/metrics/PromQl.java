package org.ferry.metrics;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads (not its functions, labels or keywords). */
final class PromQl {

  private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPINGS =
      Pattern.compile(
          "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)",
          Pattern.CASE_INSENSITIVE);
  // Possessive, so "rate(" is a function call and never the metric "rat".
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w$.:])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "inf",
          "nan");

  private PromQl() {}

  static Set<String> metricNames(String expr) {
    var bare = STRINGS.matcher(expr).replaceAll(" ");
    bare = MATCHERS.matcher(bare).replaceAll(" ");
    bare = RANGES.matcher(bare).replaceAll(" ");
    bare = GROUPINGS.matcher(bare).replaceAll(" ");
    var names = new LinkedHashSet<String>();
    var matcher = IDENTIFIER.matcher(bare);
    while (matcher.find()) {
      var name = matcher.group(1);
      if (!KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        names.add(name);
      }
    }
    return names;
  }
}
