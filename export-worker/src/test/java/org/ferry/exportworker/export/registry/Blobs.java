package org.ferry.exportworker.export.registry;

import java.nio.charset.StandardCharsets;
import org.ferry.image.Digest;

/** Content and digests for registry tests. */
final class Blobs {

  private Blobs() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static Digest digestOf(byte[] content) {
    return org.ferry.image.Sha256.of(content);
  }

  static Descriptor descriptor(String mediaType, byte[] content) {
    return new Descriptor(mediaType, digestOf(content), content.length);
  }
}
