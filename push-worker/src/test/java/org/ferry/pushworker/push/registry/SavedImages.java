package org.ferry.pushworker.push.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.ferry.testing.DockerCli;

/**
 * Test images with several layers, saved the way users save them: {@code docker save} of this
 * daemon (the legacy layout), that archive rewritten in the OCI layout Docker 25 writes, or with
 * its layers listed out of order.
 */
final class SavedImages {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SavedImages() {}

  /** Builds an image of four layers (two COPY, two RUN) whose command prints {@code marker}. */
  static void buildMultiLayer(String reference, String marker) throws IOException {
    DockerCli.ensureBaseImage();
    var context = Files.createTempDirectory("ferry-build");
    Files.writeString(context.resolve("marker"), marker);
    Files.writeString(context.resolve("a"), "first layer " + marker);
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM "
            + DockerCli.BASE_IMAGE
            + "\nCOPY a /a.txt\nRUN echo two > /two.txt\nCOPY marker /marker.txt\n"
            + "RUN mkdir /d && echo three > /d/three.txt\n"
            + "CMD [\"cat\", \"/marker.txt\"]\n");
    DockerCli.ok("build", "-q", "-t", reference, context.toString());
  }

  /** Rewrites a legacy plain {@code docker save} tar into the OCI layout of Docker 25. */
  static void toOciLayout(Path legacy, Path target) throws IOException {
    toOciLayout(legacy, target, false);
  }

  /**
   * Like {@link #toOciLayout(Path, Path)}, with the layers gzip-compressed when {@code gzipLayers},
   * as a daemon that keeps pulled layers compressed saves them.
   */
  static void toOciLayout(Path legacy, Path target, boolean gzipLayers) throws IOException {
    var renamed = new HashMap<String, String>();
    var blobs = new HashMap<String, byte[]>();
    byte[] manifest = null;
    try (var in = new TarArchiveInputStream(Files.newInputStream(legacy))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        var name = entry.getName();
        if (name.equals("manifest.json")) {
          manifest = in.readAllBytes();
        } else if (entry.isFile() && (name.endsWith("/layer.tar") || isConfig(name))) {
          var bytes = in.readAllBytes();
          if (gzipLayers && name.endsWith("/layer.tar")) {
            var compressed = new ByteArrayOutputStream();
            try (var gzip = new GZIPOutputStream(compressed)) {
              gzip.write(bytes);
            }
            bytes = compressed.toByteArray();
          }
          var blob = "blobs/sha256/" + sha256(bytes);
          renamed.put(name, blob);
          blobs.put(blob, bytes);
        }
      }
    }
    var image = (ObjectNode) JSON.readTree(manifest).get(0);
    image.put("Config", renamed.get(image.get("Config").asText()));
    var layers = JSON.createArrayNode();
    image.get("Layers").forEach(layer -> layers.add(renamed.get(layer.asText())));
    image.set("Layers", layers);
    try (var out = new TarArchiveOutputStream(Files.newOutputStream(target))) {
      // Docker 25 writes the blobs first and the JSON files last, as here.
      for (var blob : blobs.entrySet()) {
        add(out, blob.getKey(), blob.getValue());
      }
      add(out, "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes());
      add(out, "index.json", "{\"schemaVersion\":2,\"manifests\":[]}".getBytes());
      add(out, "manifest.json", JSON.writeValueAsBytes(JSON.createArrayNode().add(image)));
    }
  }

  /** Copies a plain legacy archive with the image's layers listed in reverse order. */
  static void withLayersReversed(Path legacy, Path target) throws IOException {
    rewriteManifest(
        legacy,
        target,
        image -> {
          var reversed = JSON.createArrayNode();
          var layers = (ArrayNode) image.get("Layers");
          for (var i = layers.size() - 1; i >= 0; i--) {
            reversed.add(layers.get(i));
          }
          image.set("Layers", reversed);
        });
  }

  private static void rewriteManifest(
      Path legacy, Path target, java.util.function.Consumer<ObjectNode> change) throws IOException {
    try (var in = new TarArchiveInputStream(Files.newInputStream(legacy));
        var out = new TarArchiveOutputStream(Files.newOutputStream(target))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals("manifest.json")) {
          var image = (ObjectNode) JSON.readTree(in.readAllBytes()).get(0);
          change.accept(image);
          add(out, "manifest.json", JSON.writeValueAsBytes(JSON.createArrayNode().add(image)));
        } else {
          out.putArchiveEntry(entry);
          in.transferTo(out);
          out.closeArchiveEntry();
        }
      }
    }
  }

  /** The number of layers in a saved image's {@code manifest.json}. */
  static int layerCount(Path legacy) throws IOException {
    try (var in = new TarArchiveInputStream(Files.newInputStream(legacy))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals("manifest.json")) {
          return JSON.readTree(in.readAllBytes()).get(0).get("Layers").size();
        }
      }
    }
    return 0;
  }

  /** The digests ({@code sha256:...}) of the layers an OCI layout archive lists. */
  static java.util.List<String> blobNames(Path oci) throws IOException {
    try (var in = new TarArchiveInputStream(Files.newInputStream(oci))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (entry.getName().equals("manifest.json")) {
          var names = new java.util.ArrayList<String>();
          JSON.readTree(in.readAllBytes())
              .get(0)
              .get("Layers")
              .forEach(layer -> names.add(layer.asText().replace("blobs/sha256/", "sha256:")));
          return names;
        }
      }
    }
    return java.util.List.of();
  }

  private static boolean isConfig(String name) {
    return name.matches("[0-9a-f]{64}\\.json");
  }

  private static void add(TarArchiveOutputStream out, String name, byte[] bytes)
      throws IOException {
    var entry = new TarArchiveEntry(name);
    entry.setSize(bytes.length);
    out.putArchiveEntry(entry);
    out.write(bytes);
    out.closeArchiveEntry();
  }

  private static String sha256(byte[] bytes) {
    return org.ferry.image.Sha256.of(bytes).hex();
  }
}
