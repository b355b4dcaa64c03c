package org.ferry.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash of registry content and of exported archives, as Ferry's {@link Digest}.
 */
public final class Sha256 {

  private Sha256() {}

  /** A fresh hasher to feed a stream through. */
  public static MessageDigest hasher() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** The digest of {@code bytes}. */
  public static Digest of(byte[] bytes) {
    var hasher = hasher();
    hasher.update(bytes);
    return finish(hasher);
  }

  /** The digest of everything fed to {@code hasher}, which is reset for reuse. */
  public static Digest finish(MessageDigest hasher) {
    return Digest.of("sha256:" + HexFormat.of().formatHex(hasher.digest()));
  }
}
