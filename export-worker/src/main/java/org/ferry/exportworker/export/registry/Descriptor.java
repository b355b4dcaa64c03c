package org.ferry.exportworker.export.registry;

import com.fasterxml.jackson.databind.JsonNode;
import org.ferry.image.Digest;

/** A content descriptor from a manifest: what a blob or child manifest is, its digest and size. */
record Descriptor(String mediaType, Digest digest, long size) {

  static Descriptor from(JsonNode node) {
    var size = node.path("size");
    if (!size.canConvertToLong() || size.asLong() < 0) {
      throw new IllegalArgumentException("a descriptor has no valid size");
    }
    return new Descriptor(
        node.path("mediaType").asText(""), Digest.of(node.path("digest").asText()), size.asLong());
  }
}
