package org.ferry.exportworker.export.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * An operating system and CPU architecture, such as {@code linux/amd64} or {@code linux/arm/v7}.
 */
record Platform(String os, String architecture, String variant) {

  static Platform parse(String text) {
    var parts = text.trim().toLowerCase(Locale.ROOT).split("/");
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException("A platform reads <os>/<architecture>[/<variant>]");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
  }

  /** The platform of a manifest list or index entry; empty parts when it names none. */
  static Platform of(JsonNode entry) {
    var platform = entry.path("platform");
    return new Platform(
        platform.path("os").asText(""),
        platform.path("architecture").asText(""),
        platform.path("variant").asText(""));
  }

  /** Whether {@code offered} runs here; a variant is compared only when this platform names one. */
  boolean accepts(Platform offered) {
    return os.equals(offered.os)
        && architecture.equals(offered.architecture)
        && (variant.isEmpty() || variant.equals(offered.variant));
  }

  @Override
  public String toString() {
    return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
  }
}
