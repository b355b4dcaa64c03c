package org.ferry.gateway.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.ferry.failure.InvalidValue;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.Repository;
import org.springframework.stereotype.Service;

/**
 * Reads one tag of the team's own images: its digest and size, as a user checks before a delete.
 */
@Service
class DescribeTag {

  private final RegistryReader registry;
  private final ObjectMapper json = new ObjectMapper();

  DescribeTag(RegistryReader registry) {
    this.registry = registry;
  }

  TagDetails describe(Team team, String name, String tag) {
    if (!ImageName.isValid(name)) {
      throw new InvalidValue("name", name, ImageName.RULE);
    }
    if (!Tag.isValid(tag)) {
      throw new InvalidValue("tag", tag, Tag.RULE);
    }
    var ref = new ImageRef(registry.access().address(), team, ImageName.of(name), Tag.of(tag));
    var manifest =
        registry
            .getManifest(Repository.of(ref), tag)
            .orElseThrow(
                () ->
                    new PermanentFailure(
                        "look up " + ref.shortName(),
                        "the registry has no such image",
                        "Refresh the image list; it may have been deleted.",
                        ReasonCodes.NOT_FOUND));
    return new TagDetails(
        ref.repository(),
        tag,
        ref.toString(),
        manifest.digest().value(),
        manifest.mediaType(),
        size(manifest.content()));
  }

  /** Config plus layers of an image manifest; null for an index or a manifest without sizes. */
  private Long size(byte[] manifest) {
    JsonNode node;
    try {
      node = json.readTree(manifest);
    } catch (IOException e) {
      return null;
    }
    var config = node.path("config").path("size");
    var layers = node.path("layers");
    if (!config.isIntegralNumber() || !layers.isArray()) {
      return null;
    }
    var total = config.asLong();
    for (var layer : layers) {
      if (!layer.path("size").isIntegralNumber()) {
        return null;
      }
      total += layer.path("size").asLong();
    }
    return total;
  }
}
