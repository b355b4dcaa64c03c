package org.ferry.exportworker.export.archive;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.ferry.image.Digest;

/**
 * Writes an image as the archive {@code docker load -i} reads: a tar in {@code docker save}'s
 * layout ({@code <config hex>.json}, one file per layer, {@code manifest.json}) wrapped in stored
 * gzip. Layers go in as the registry's compressed blobs, which {@code docker load} recognises and
 * decompresses itself, so no byte is decompressed or compressed on the way.
 *
 * <p>Entries carry fixed times and owners, so the same image always gives the same archive and
 * checksum. The output stream is flushed but not closed.
 */
public final class DockerArchive {

  private static final String MANIFEST = "manifest.json";
  private static final int FILE_MODE = 0100644;

  private final StoredGzipOutputStream gzip;
  private final TarArchiveOutputStream tar;
  private final Map<Digest, String> layerFiles = new HashMap<>();
  private final ObjectMapper json = new ObjectMapper();
  private String configFile;

  public DockerArchive(OutputStream out) {
    this.gzip = new StoredGzipOutputStream(new KeepOpen(out));
    this.tar = new TarArchiveOutputStream(gzip, StandardCharsets.UTF_8.name());
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  /** Adds the image's config as {@code <hex>.json}. */
  public void addConfig(Digest digest, byte[] config) throws IOException {
    if (configFile != null) {
      throw new IllegalStateException("The archive already has a config");
    }
    configFile = digest.hex() + ".json";
    addEntry(configFile, config.length, entry -> entry.write(config));
  }

  /** Whether the layer blob {@code digest} is already in the archive (images may repeat one). */
  public boolean hasLayer(Digest digest) {
    return layerFiles.containsKey(digest);
  }

  /**
   * Adds a layer blob as {@code <hex>.tar.gz} (or {@code .tar}); {@code content} must write exactly
   * {@code size} bytes.
   */
  public void addLayer(Digest digest, long size, LayerEncoding encoding, EntryContent content)
      throws IOException {
    if (hasLayer(digest)) {
      throw new IllegalStateException("The archive already has layer " + digest);
    }
    var file = digest.hex() + encoding.suffix();
    addEntry(file, size, content);
    layerFiles.put(digest, file);
  }

  /**
   * Writes {@code manifest.json}, which tags the image {@code repoTag} when loaded and lists {@code
   * layers} bottom-up, and ends the tar and the gzip stream.
   */
  public void finish(String repoTag, List<Digest> layers) throws IOException {
    if (configFile == null) {
      throw new IllegalStateException("The archive has no config");
    }
    var files = new ArrayList<String>();
    for (var layer : layers) {
      var file = layerFiles.get(layer);
      if (file == null) {
        throw new IllegalStateException("The archive has no layer " + layer);
      }
      files.add(file);
    }
    var manifest = json.writeValueAsBytes(List.of(new Entry(configFile, List.of(repoTag), files)));
    addEntry(MANIFEST, manifest.length, entry -> entry.write(manifest));
    tar.finish();
    gzip.finish();
  }

  private void addEntry(String name, long size, EntryContent content) throws IOException {
    var entry = new TarArchiveEntry(name);
    entry.setSize(size);
    entry.setMode(FILE_MODE);
    entry.setModTime(Instant.EPOCH.toEpochMilli());
    tar.putArchiveEntry(entry);
    content.writeTo(new KeepOpen(tar));
    tar.closeArchiveEntry();
  }

  /** One image in {@code manifest.json}, with the field names {@code docker load} expects. */
  record Entry(
      @JsonProperty("Config") String config,
      @JsonProperty("RepoTags") List<String> repoTags,
      @JsonProperty("Layers") List<String> layers) {}

  /** Passes writes through and ignores close, so only the archive decides when streams end. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() {
      // The archive ends its streams itself, in finish().
    }
  }
}
