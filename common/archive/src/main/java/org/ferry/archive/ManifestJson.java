package org.ferry.archive;

import static org.ferry.archive.BadArchive.SAVE_AGAIN;
import static org.ferry.archive.BadArchive.because;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ferry.image.ImageRef;

/**
 * Reads and rewrites the two JSON files of a {@code docker save} archive that name images: {@code
 * manifest.json} (every daemon reads its {@code RepoTags}) and {@code index.json} (the OCI layout
 * of Docker 25 and later, whose name annotations a containerd-backed daemon reads).
 */
final class ManifestJson {

  static final String MANIFEST = "manifest.json";
  static final String INDEX = "index.json";

  private static final String CONTAINERD_NAME = "io.containerd.image.name";
  private static final String OCI_REF_NAME = "org.opencontainers.image.ref.name";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestJson() {}

  /** The {@code RepoTags} of the archive's single image; fails unless there is exactly one. */
  static List<String> repoTags(byte[] manifest, String action) {
    var image = singleImage(manifest, action);
    var tags = new ArrayList<String>();
    var repoTags = image.get("RepoTags");
    if (repoTags != null && !repoTags.isNull()) {
      if (!repoTags.isArray()) {
        throw unreadable(action, "its RepoTags is not a list", null);
      }
      for (var tag : repoTags) {
        if (!tag.isTextual()) {
          throw unreadable(action, "its RepoTags holds something other than names", null);
        }
        tags.add(tag.asText());
      }
    }
    return tags;
  }

  /** {@code manifest.json} with the single image's {@code RepoTags} set to {@code [target]}. */
  static byte[] retag(byte[] manifest, ImageRef target, String action) {
    var image = singleImage(manifest, action);
    image.putArray("RepoTags").add(target.toString());
    return write(image, true);
  }

  /**
   * {@code index.json} with every image name annotation pointing at {@code target}, so that a
   * daemon that reads the OCI layout instead of {@code manifest.json} names nothing else either.
   */
  static byte[] retagIndex(byte[] index, ImageRef target, String action) {
    var root = parse(index, action, INDEX);
    var manifests = root.get("manifests");
    if (manifests != null && manifests.isArray()) {
      for (var descriptor : manifests) {
        if (descriptor.get("annotations") instanceof ObjectNode annotations) {
          if (annotations.has(CONTAINERD_NAME)) {
            annotations.put(CONTAINERD_NAME, target.toString());
          }
          if (annotations.has(OCI_REF_NAME)) {
            annotations.put(OCI_REF_NAME, target.tag().value());
          }
        }
      }
    }
    return write(root, false);
  }

  private static ObjectNode singleImage(byte[] manifest, String action) {
    var root = parse(manifest, action, MANIFEST);
    if (!root.isArray()) {
      throw unreadable(action, "it is not a list of images", null);
    }
    if (root.size() != 1) {
      throw because(
          action, "the archive contains " + root.size() + " images", BadArchive.ONE_IMAGE);
    }
    if (!(root.get(0) instanceof ObjectNode image)
        || !image.path("Config").isTextual()
        || !image.path("Layers").isArray()) {
      throw unreadable(action, "its image has no Config or Layers", null);
    }
    return image;
  }

  private static JsonNode parse(byte[] json, String action, String file) {
    try {
      var node = JSON.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw because(action, "its " + file + " is empty", SAVE_AGAIN);
      }
      return node;
    } catch (IOException e) {
      throw because(
          action,
          "its "
              + file
              + " is not valid JSON ("
              + firstLine(
                  e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())
              + ")",
          SAVE_AGAIN,
          e);
    }
  }

  private static RuntimeException unreadable(String action, String reason, Throwable cause) {
    return because(action, "its manifest.json cannot be read: " + reason, SAVE_AGAIN, cause);
  }

  private static byte[] write(JsonNode node, boolean asList) {
    try {
      return asList
          ? JSON.writeValueAsBytes(JSON.createArrayNode().add(node))
          : JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("JSON that was just read could not be written", e);
    }
  }

  private static String firstLine(String text) {
    var line = text == null ? "" : text.strip().lines().findFirst().orElse("");
    return line.length() > 120 ? line.substring(0, 120) + "…" : line;
  }
}
