package org.ferry.watcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Tiny archives shaped like {@code docker save} output, for unit tests that need no daemon. */
final class SmallArchives {

  private SmallArchives() {}

  /** The bytes of a gzip-compressed one-image archive whose image was saved as {@code repoTag}. */
  static byte[] gzip(String repoTag) {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(bytes)) {
      writeTar(gzip, repoTag);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Path write(Path file, String repoTag) {
    try {
      return Files.write(file, gzip(repoTag));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeTar(OutputStream out, String repoTag) throws IOException {
    var tar = new TarArchiveOutputStream(out);
    entry(tar, "0123abcd/layer.tar", "layer bytes");
    entry(tar, "config.json", "{\"architecture\":\"amd64\"}");
    entry(
        tar,
        "manifest.json",
        "[{\"Config\":\"config.json\",\"RepoTags\":[\""
            + repoTag
            + "\"],\"Layers\":[\"0123abcd/layer.tar\"]}]");
    tar.finish();
  }

  private static void entry(TarArchiveOutputStream tar, String name, String content)
      throws IOException {
    var bytes = content.getBytes(StandardCharsets.UTF_8);
    var entry = new TarArchiveEntry(name);
    entry.setSize(bytes.length);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }
}
