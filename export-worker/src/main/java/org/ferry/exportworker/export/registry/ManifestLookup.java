package org.ferry.exportworker.export.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.stream.Collectors;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.Digest;
import org.ferry.image.ImageRef;
import org.ferry.image.Sha256;
import org.ferry.registry.Manifest;
import org.ferry.registry.MediaTypes;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.Repository;

/**
 * Finds the one image manifest to export for a tag: a single-image manifest as it is, or from a
 * manifest list or OCI index the entry for the configured platform, else its only image. Every
 * manifest is checked against its digest.
 */
final class ManifestLookup {

  private final RegistryReader registry;
  private final Platform platform;
  private final ObjectMapper json = new ObjectMapper();

  ManifestLookup(RegistryReader registry, Platform platform) {
    this.registry = registry;
    this.platform = platform;
  }

  ResolvedImage find(ImageRef source) {
    var action = "export " + source.shortName();
    var top =
        registry
            .getManifest(Repository.of(source), source.tag().value())
            .orElseThrow(
                () ->
                    new PermanentFailure(
                        action,
                        "the registry has no image "
                            + source.repository()
                            + " with the tag "
                            + source.tag(),
                        "Choose an image and tag from the image list.",
                        ReasonCodes.NOT_FOUND));
    var node = read(top, top.digest(), action);
    var type = mediaType(top, node);
    if (isImage(type)) {
      return new ResolvedImage(top.digest(), parse(node, action));
    }
    if (!isIndex(type)) {
      throw notAnImage(action, type);
    }
    var chosen = choose(node, action);
    var child =
        registry
            .getManifest(Repository.of(source), chosen.digest().value())
            .orElseThrow(
                () ->
                    new PermanentFailure(
                        action,
                        "its manifest list names the image "
                            + chosen.digest()
                            + ", which the registry does not have",
                        "Push the image again.",
                        ReasonCodes.NOT_FOUND));
    var childNode = read(child, chosen.digest(), action);
    var childType = mediaType(child, childNode);
    if (!isImage(childType)) {
      throw notAnImage(action, childType);
    }
    return new ResolvedImage(top.digest(), parse(childNode, action));
  }

  private Descriptor choose(JsonNode index, String action) {
    var images = new ArrayList<JsonNode>();
    index.path("manifests").forEach(entry -> images.add(entry));
    images.removeIf(ManifestLookup::isAttestation);
    for (var entry : images) {
      if (platform.accepts(Platform.of(entry))) {
        return descriptor(entry, action);
      }
    }
    if (images.size() == 1) {
      return descriptor(images.get(0), action);
    }
    var offered =
        images.stream()
            .map(Platform::of)
            .map(Platform::toString)
            .distinct()
            .collect(Collectors.joining(", "));
    throw new PermanentFailure(
        action,
        "its manifest list has no "
            + platform
            + " image (it has "
            + (offered.isEmpty() ? "no images" : offered)
            + ")",
        "Export an image built for " + platform + ".",
        ReasonCodes.NOT_FOUND);
  }

  /** Build provenance that BuildKit stores beside the images of an index; never an image. */
  private static boolean isAttestation(JsonNode entry) {
    return "attestation-manifest"
        .equals(entry.path("annotations").path("vnd.docker.reference.type").asText());
  }

  private JsonNode read(Manifest manifest, Digest expected, String action) {
    if (!Sha256.of(manifest.content()).equals(expected)) {
      throw new PermanentFailure(
          action,
          "the registry sent a manifest that does not match its digest " + expected,
          "Tell the operators: the registry's storage may be damaged.",
          ReasonCodes.REJECTED);
    }
    try {
      return json.readTree(manifest.content());
    } catch (IOException e) {
      throw unreadable(action, e);
    }
  }

  private static ImageManifest parse(JsonNode node, String action) {
    try {
      return ImageManifest.parse(node);
    } catch (IllegalArgumentException | FerryFailure e) {
      throw unreadable(action, e);
    }
  }

  private static Descriptor descriptor(JsonNode node, String action) {
    try {
      return Descriptor.from(node);
    } catch (IllegalArgumentException | FerryFailure e) {
      throw unreadable(action, e);
    }
  }

  private static String mediaType(Manifest manifest, JsonNode node) {
    var declared = node.path("mediaType").asText("");
    if (!declared.isEmpty()) {
      return declared;
    }
    var header = manifest.mediaType().split(";")[0].trim();
    if (!header.isEmpty()) {
      return header;
    }
    // An OCI manifest may leave its media type out; its shape tells.
    return node.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
  }

  private static boolean isImage(String type) {
    return MediaTypes.isImageManifest(type);
  }

  private static boolean isIndex(String type) {
    return MediaTypes.isIndex(type);
  }

  private static PermanentFailure notAnImage(String action, String type) {
    return new PermanentFailure(
        action,
        "the registry serves it as '" + type + "', which is not a container image",
        "Export an image that docker pull accepts.",
        ReasonCodes.REJECTED);
  }

  private static PermanentFailure unreadable(String action, Exception cause) {
    return new PermanentFailure(
        action,
        "its manifest cannot be read (" + cause.getMessage() + ")",
        "Push the image again with Docker; tell the operators if it persists.",
        ReasonCodes.REJECTED,
        cause);
  }
}
