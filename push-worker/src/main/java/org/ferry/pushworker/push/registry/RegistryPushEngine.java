package org.ferry.pushworker.push.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ferry.archive.ArchiveEntries;
import org.ferry.archive.ArchiveEntry;
import org.ferry.archive.ArchiveLimits;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Digest;
import org.ferry.image.ImageRef;
import org.ferry.image.Sha256;
import org.ferry.operation.Progress;
import org.ferry.pushworker.push.PushEngine;
import org.ferry.pushworker.push.PushedImage;
import org.ferry.registry.MediaTypes;
import org.ferry.registry.RegistryWriter;
import org.ferry.registry.Repository;
import org.ferry.registry.json.DescriptorJson;
import org.ferry.registry.json.ManifestJson;

/**
 * The push engine without a Docker daemon: it reads the archive once and uploads each layer to the
 * registry while reading it, then the image config as it is, then a manifest listing both. It reads
 * both {@code docker save} layouts: the legacy one ({@code <id>/layer.tar}, {@code manifest.json}
 * at the end) and the OCI one of Docker 25 and later ({@code blobs/sha256/...}), through {@link
 * ArchiveEntries}, so every entry passes the archive checks on the way and links are resolved by
 * the one parser.
 */
final class RegistryPushEngine implements PushEngine {

  private static final String BLOBS = "blobs/sha256/";
  // Configs, manifests and indexes are small; anything bigger is not one of them.
  private static final long MAX_JSON = 16L * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryWriter registry;
  private final LayerUploader uploader;
  private final boolean compress;
  private final ArchiveLimits limits;

  RegistryPushEngine(
      RegistryWriter registry, LayerUploader uploader, boolean compress, ArchiveLimits limits) {
    this.registry = registry;
    this.uploader = uploader;
    this.compress = compress;
    this.limits = limits;
  }

  @Override
  public PushedImage push(Path archive, ImageRef target, Progress progress) {
    var action = "push " + archive.getFileName();
    var repository = Repository.of(target);
    Read read;
    try {
      var total = Files.size(archive);
      try (var entries =
          ArchiveEntries.open(archive, limits, count -> progress.report("reading", count, total))) {
        read = new Read(repository, progress, entries);
        for (var entry = entries.next(); entry != null; entry = entries.next()) {
          if (entry.isFile()) {
            read.entry(entry);
          }
        }
      }
    } catch (IOException e) {
      throw new TransientFailure(
          action,
          "the archive could not be read (" + e.getMessage() + ")",
          "Try again; tell the operators if the NAS has problems.",
          e);
    }
    return publish(action, target, read);
  }

  private PushedImage publish(String action, ImageRef target, Read read) {
    var repository = Repository.of(target);
    var saved = read.manifest(action);
    var config = read.jsons.get(read.resolved(saved.path("Config").asText()));
    if (config == null) {
      throw bad(action, "its manifest.json names a config the archive does not hold");
    }
    var configDigest = Sha256.of(config);
    var configName = read.resolved(saved.path("Config").asText());
    if (!configName.equals(BLOBS + configDigest.hex())
        && !configName.equals(configDigest.hex() + ".json")) {
      throw bad(action, "its config's content does not match its name " + configName);
    }
    var layers = new ArrayList<LayerBlob>();
    for (var path : saved.path("Layers")) {
      var layer = read.layers.get(read.resolved(path.asText()));
      if (layer == null) {
        throw bad(action, "its manifest.json names a layer the archive does not hold");
      }
      layers.add(layer);
    }
    var diffIds = new ArrayList<String>();
    readJson(action, config).path("rootfs").path("diff_ids").forEach(d -> diffIds.add(d.asText()));
    var computed = layers.stream().map(layer -> layer.diffId().value()).toList();
    if (!computed.equals(diffIds)) {
      throw bad(action, "its layers do not match the layer digests its config lists");
    }
    if (registry.blobSize(repository, configDigest).isEmpty()) {
      registry.putBlob(repository, configDigest, config);
    }
    var manifest = manifest(config, configDigest, layers);
    var mediaType = compress ? MediaTypes.DOCKER_MANIFEST : MediaTypes.OCI_MANIFEST;
    var served = registry.putManifest(repository, target.tag().value(), mediaType, manifest);
    var sent = Sha256.of(manifest);
    if (!served.equals(sent)) {
      throw new TransientFailure(
          action,
          "the registry answered the manifest " + sent + " with the digest " + served,
          "Try again; tell the operators if it persists.",
          null);
    }
    return new PushedImage(served, layers.stream().mapToLong(LayerBlob::tarSize).sum());
  }

  private byte[] manifest(byte[] config, Digest configDigest, List<LayerBlob> layers) {
    var manifest =
        new ManifestJson(
            2,
            compress ? MediaTypes.DOCKER_MANIFEST : MediaTypes.OCI_MANIFEST,
            DescriptorJson.of(
                compress ? MediaTypes.DOCKER_CONFIG : MediaTypes.OCI_CONFIG,
                config.length,
                configDigest.value()),
            layers.stream()
                .map(
                    layer ->
                        DescriptorJson.of(layerType(layer), layer.size(), layer.digest().value()))
                .toList());
    try {
      return JSON.writeValueAsBytes(manifest);
    } catch (IOException e) {
      throw new IllegalStateException("A manifest Ferry built could not be written", e);
    }
  }

  private String layerType(LayerBlob layer) {
    if (compress) {
      return MediaTypes.DOCKER_LAYER_GZIP;
    }
    return layer.gzip() ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.OCI_LAYER_TAR;
  }

  /** What one pass over the archive found: layers uploaded, small JSON files. */
  private final class Read {
    final Repository repository;
    final Progress progress;
    final ArchiveEntries entries;
    final Map<String, LayerBlob> layers = new HashMap<>();
    final Map<String, byte[]> jsons = new HashMap<>();
    long uploaded;
    byte[] manifest;

    Read(Repository repository, Progress progress, ArchiveEntries entries) {
      this.repository = repository;
      this.progress = progress;
      this.entries = entries;
    }

    void entry(ArchiveEntry entry) throws IOException {
      var name = entry.path();
      var size = entry.size();
      var content = entry.content();
      if (name.equals("manifest.json")) {
        manifest = entries.readSmall(entry);
      } else if (name.endsWith("/layer.tar")) {
        layers.put(name, upload(content));
      } else if (name.startsWith(BLOBS)) {
        var peek = new BufferedInputStream(content, 64 * 1024);
        peek.mark(2);
        var first = peek.read();
        var second = peek.read();
        peek.reset();
        if (first == '{' && size <= MAX_JSON) {
          jsons.put(name, peek.readAllBytes());
        } else {
          layers.put(name, uploadUnlessPresent(name, peek, first == 0x1f && second == 0x8b));
        }
      } else if (name.endsWith(".json") && size <= MAX_JSON) {
        jsons.put(name, content.readAllBytes());
      }
    }

    /**
     * In the OCI layout a layer is named by its digest, so a layer the registry already has is only
     * read (for its diffID), not sent again: a compressed one always, an uncompressed one when
     * Ferry uploads layers uncompressed. A compressed one is uploaded as it is.
     */
    private LayerBlob uploadUnlessPresent(String name, InputStream content, boolean gzip)
        throws IOException {
      var named = Digest.of("sha256:" + name.substring(BLOBS.length()));
      if (gzip || !compress) {
        var present = registry.blobSize(repository, named);
        if (present.isPresent()) {
          return LayerUploader.hashOnly(content, gzip, named, present.get());
        }
      }
      if (gzip) {
        var before = uploaded;
        var layer =
            uploader.uploadCompressed(
                repository, content, sent -> progress.report("uploading", before + sent, -1));
        uploaded += layer.size();
        return layer;
      }
      return upload(content);
    }

    private LayerBlob upload(InputStream content) throws IOException {
      var before = uploaded;
      var layer =
          uploader.upload(
              repository, content, sent -> progress.report("uploading", before + sent, -1));
      uploaded += layer.size();
      return layer;
    }

    JsonNode manifest(String action) {
      if (manifest == null) {
        throw bad(action, "it has no manifest.json");
      }
      var root = readJson(action, manifest);
      if (!root.isArray() || root.size() != 1) {
        throw bad(action, "its manifest.json does not list exactly one image");
      }
      return root.get(0);
    }

    /** The file a path of {@code manifest.json} names, once the archive's links are followed. */
    String resolved(String path) {
      return entries.resolve(path);
    }
  }

  private static JsonNode readJson(String action, byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw bad(action, "it holds JSON that cannot be read (" + e.getMessage() + ")");
    }
  }

  private static PermanentFailure bad(String action, String reason) {
    return new PermanentFailure(
        action,
        reason,
        "Save the image again with docker save -o x.tar IMAGE.",
        ReasonCodes.BAD_ARCHIVE);
  }
}
