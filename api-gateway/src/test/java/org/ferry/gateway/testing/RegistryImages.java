package org.ferry.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.ferry.failure.PermanentFailure;
import org.ferry.image.Digest;
import org.ferry.image.Team;
import org.ferry.registry.ManifestInfo;
import org.ferry.registry.MediaTypes;
import org.ferry.registry.RegistryClient;
import org.ferry.registry.RegistryRetry;
import org.ferry.registry.Repository;
import org.ferry.testing.LocalServices;

/**
 * Tiny single-layer images that the tests write straight into the real registry with the push
 * account, as a worker would, without a Docker daemon; {@link #close()} deletes them again, since
 * the registry is shared.
 */
public final class RegistryImages implements AutoCloseable {

  private final RegistryClient registry =
      new RegistryClient(
          LocalServices.pushAccess(), RegistryRetry.create("it", 1, Duration.ofMillis(100)));
  private final Map<String, Repository> pushed = new LinkedHashMap<>();

  /** What was pushed: its digest and the bytes the registry holds for it (config and layer). */
  public record Pushed(Digest digest, long size) {}

  /**
   * Pushes an image whose content is {@code marker} (so different markers give different digests)
   * to {@code <team>/<name>:<tag>}, moving the tag if it existed.
   */
  public synchronized Pushed push(Team team, String name, String tag, String marker) {
    var repository = Repository.parse(team + "/" + name);
    var layer = gzip(tar("marker.txt", marker));
    var layerDigest = sha256(layer);
    var config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"marker\":\""
                + marker
                + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + sha256(tar("marker.txt", marker))
                + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    var configDigest = sha256(config);
    registry.putBlob(repository, layerDigest, layer);
    registry.putBlob(repository, configDigest, config);
    var manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\""
                + MediaTypes.DOCKER_MANIFEST
                + "\",\"config\":{\"mediaType\":\""
                + MediaTypes.DOCKER_CONFIG
                + "\",\"size\":"
                + config.length
                + ",\"digest\":\""
                + configDigest
                + "\"},\"layers\":[{\"mediaType\":\""
                + MediaTypes.DOCKER_LAYER_GZIP
                + "\",\"size\":"
                + layer.length
                + ",\"digest\":\""
                + layerDigest
                + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    var digest = registry.putManifest(repository, tag, MediaTypes.DOCKER_MANIFEST, manifest);
    pushed.put(repository + "@" + digest, repository);
    return new Pushed(digest, config.length + layer.length);
  }

  /** The digest {@code <team>/<name>:<tag>} points at now, if the tag exists. */
  public Optional<Digest> digest(Team team, String name, String tag) {
    return registry
        .headManifest(Repository.parse(team + "/" + name), tag)
        .map(ManifestInfo::digest);
  }

  /** Deletes {@code <team>/<name>:<tag>} (with every tag on its digest), as another user might. */
  public void delete(Team team, String name, String tag) {
    var repository = Repository.parse(team + "/" + name);
    registry
        .headManifest(repository, tag)
        .ifPresent(manifest -> registry.deleteManifest(repository, manifest.digest()));
  }

  @Override
  public synchronized void close() {
    pushed.forEach(
        (key, repository) -> {
          try {
            registry.deleteManifest(repository, Digest.of(key.substring(key.indexOf('@') + 1)));
          } catch (PermanentFailure alreadyGone) {
            // A test deleted it on purpose, or it shared a digest with one deleted before.
          }
        });
    pushed.clear();
  }

  private static byte[] tar(String name, String content) {
    var bytes = content.getBytes(StandardCharsets.UTF_8);
    var out = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(out)) {
      var entry = new TarArchiveEntry(name);
      entry.setSize(bytes.length);
      entry.setModTime(0);
      tar.putArchiveEntry(entry);
      tar.write(bytes);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] content) {
    var out = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Digest sha256(byte[] content) {
    try {
      return Digest.of(
          "sha256:"
              + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
