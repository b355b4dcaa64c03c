package org.ferry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small archives shaped like {@code docker save} output, or deliberately broken ones. */
public final class TestArchive {

  public static final String IMAGE_ID =
      "4c5f3b2a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b";
  public static final String LAYER = IMAGE_ID + "/layer.tar";
  public static final String CONFIG =
      "0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6f7e8d9c0b1a2f3e4d5c6b7a8f9e0d1c.json";
  public static final byte[] LAYER_CONTENT =
      "layer bytes standing in for a layer tar\n".repeat(100).getBytes(StandardCharsets.UTF_8);

  private final List<TarArchiveEntry> entries = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();

  /** The layout of Docker 20.10's {@code docker save} of one image tagged {@code repoTags}. */
  public static TestArchive dockerSave(String... repoTags) {
    return new TestArchive()
        .dir(IMAGE_ID + "/")
        .file(IMAGE_ID + "/VERSION", "1.0")
        .file(IMAGE_ID + "/json", "{}")
        .file(LAYER, LAYER_CONTENT)
        .file(CONFIG, "{\"architecture\":\"amd64\"}")
        .file("manifest.json", manifest(repoTags))
        .file("repositories", "{\"hello\":{\"1\":\"" + IMAGE_ID + "\"}}");
  }

  /** A {@code manifest.json} for one image. */
  public static String manifest(String... repoTags) {
    return "[" + image(repoTags) + "]";
  }

  public static String image(String... repoTags) {
    var tags = new StringBuilder();
    for (var tag : repoTags) {
      tags.append(tags.isEmpty() ? "" : ",").append('"').append(tag).append('"');
    }
    return "{\"Config\":\""
        + CONFIG
        + "\",\"RepoTags\":["
        + tags
        + "],\"Layers\":[\""
        + LAYER
        + "\"]}";
  }

  public TestArchive file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  public TestArchive file(String name, byte[] content) {
    var entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    return add(entry, content);
  }

  public TestArchive dir(String name) {
    return add(new TarArchiveEntry(name, TarConstants.LF_DIR), new byte[0]);
  }

  public TestArchive symlink(String name, String target) {
    var entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    entry.setLinkName(target);
    return add(entry, new byte[0]);
  }

  public TestArchive hardLink(String name, String target) {
    var entry = new TarArchiveEntry(name, TarConstants.LF_LINK);
    entry.setLinkName(target);
    return add(entry, new byte[0]);
  }

  public TestArchive special(String name, byte type) {
    return add(new TarArchiveEntry(name, type), new byte[0]);
  }

  private TestArchive add(TarArchiveEntry entry, byte[] content) {
    entries.add(entry);
    contents.add(content);
    return this;
  }

  public byte[] tarBytes() {
    var bytes = new ByteArrayOutputStream();
    writeTar(bytes);
    return bytes.toByteArray();
  }

  /** The archive as {@code docker save | gzip} would write it. */
  public byte[] gzipBytes() {
    var bytes = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(bytes)) {
      writeTar(gzip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public Path writeTar(Path file) {
    try (var out = Files.newOutputStream(file)) {
      writeTar(out);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path writeGzip(Path file) {
    try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
      writeTar(out);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeTar(OutputStream target) {
    try {
      var tar = new TarArchiveOutputStream(target);
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (int i = 0; i < entries.size(); i++) {
        tar.putArchiveEntry(entries.get(i));
        tar.write(contents.get(i));
        tar.closeArchiveEntry();
      }
      tar.finish();
      tar.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
