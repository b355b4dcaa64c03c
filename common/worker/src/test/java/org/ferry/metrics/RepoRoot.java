package org.ferry.metrics;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root: the nearest folder above the working directory that holds deploy/. */
final class RepoRoot {

  private RepoRoot() {}

  static Path find() {
    var dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy/prometheus"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new AssertionError(
          "No deploy/prometheus above " + Path.of("").toAbsolutePath() + ": run from the checkout");
    }
    return dir;
  }
}
