package org.ferry.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a folder holds, name by name, with each file's content and modification time: two snapshots
 * are equal only if nothing in the folder was added, removed, rewritten or touched.
 */
public final class FolderSnapshot {

  private FolderSnapshot() {}

  /** Every file directly in {@code folder}, mapped to "content@mtime-millis". */
  public static Map<String, String> of(Path folder) throws IOException {
    var files = new TreeMap<String, String>();
    try (Stream<Path> paths = Files.list(folder)) {
      for (var path : paths.toList()) {
        files.put(
            path.getFileName().toString(),
            Files.readString(path, StandardCharsets.ISO_8859_1)
                + "@"
                + Files.getLastModifiedTime(path).toMillis());
      }
    }
    return files;
  }
}
