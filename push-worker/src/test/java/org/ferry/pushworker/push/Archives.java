package org.ferry.pushworker.push;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Crafts archives the way a user could: a real {@code docker save} with other RepoTags. */
final class Archives {

  private Archives() {}

  /** Copies a plain {@code docker save} tar to a gzip archive whose RepoTags are {@code tags}. */
  static void withRepoTags(Path saved, Path target, String... tags) throws IOException {
    var list = new StringBuilder();
    for (var tag : tags) {
      list.append(list.isEmpty() ? "" : ",").append('"').append(tag).append('"');
    }
    try (var in = new TarArchiveInputStream(Files.newInputStream(saved));
        var out = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(target)))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals("manifest.json")) {
          var manifest =
              new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                  .replaceFirst("\"RepoTags\":\\[[^\\]]*\\]", "\"RepoTags\":[" + list + "]");
          var bytes = manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          var header = new TarArchiveEntry("manifest.json");
          header.setSize(bytes.length);
          out.putArchiveEntry(header);
          out.write(bytes);
        } else {
          out.putArchiveEntry(entry);
          in.transferTo(out);
        }
        out.closeArchiveEntry();
      }
    }
  }
}
