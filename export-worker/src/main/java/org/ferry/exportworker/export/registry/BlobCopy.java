package org.ferry.exportworker.export.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongConsumer;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Sha256;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.Repository;

/**
 * Streams blobs from the registry, checking size and digest on the way, through one fixed buffer:
 * memory does not grow with the blob. Registry trouble is a {@link org.ferry.failure.FerryFailure};
 * an {@link IOException} always means the target failed.
 */
final class BlobCopy {

  private final RegistryReader registry;
  private final int bufferSize;

  BlobCopy(RegistryReader registry, int bufferSize) {
    this.registry = registry;
    this.bufferSize = bufferSize;
  }

  /** Copies {@code blob} to {@code target}, telling {@code copied} every chunk's length. */
  void copy(
      Repository repository,
      Descriptor blob,
      String action,
      OutputStream target,
      LongConsumer copied)
      throws IOException {
    var sha256 = Sha256.hasher();
    var buffer = new byte[(int) Math.min(bufferSize, Math.max(blob.size(), 1))];
    long total = 0;
    var in = registry.openBlob(repository, blob.digest());
    try {
      int n;
      while ((n = read(in, buffer, blob, action)) >= 0) {
        if (total + n > blob.size()) {
          throw mismatch(
              blob, action, "is larger than the " + blob.size() + " bytes its manifest says");
        }
        sha256.update(buffer, 0, n);
        target.write(buffer, 0, n);
        total += n;
        copied.accept(n);
      }
    } finally {
      closeQuietly(in);
    }
    if (total != blob.size()) {
      throw new TransientFailure(
          action,
          "the registry ended blob "
              + blob.digest()
              + " after "
              + total
              + " of "
              + blob.size()
              + " bytes",
          "Try again; tell the operators if it persists.",
          null);
    }
    if (!Sha256.finish(sha256).equals(blob.digest())) {
      throw mismatch(blob, action, "does not match its digest");
    }
  }

  /** Reads a small blob, such as an image config, whole; it must not exceed {@code limit}. */
  byte[] readWhole(Repository repository, Descriptor blob, String action, long limit) {
    if (blob.size() > limit) {
      throw new PermanentFailure(
          action,
          "its config is " + blob.size() + " bytes, more than the " + limit + " Ferry reads",
          "Export an image with a smaller config, or ask the operators to raise"
              + " ferry.export.registry.max-config-size.",
          ReasonCodes.REJECTED);
    }
    var out = new ByteArrayOutputStream((int) blob.size());
    try {
      copy(repository, blob, action, out, n -> {});
    } catch (IOException e) {
      throw new IllegalStateException("Writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  private static int read(InputStream in, byte[] buffer, Descriptor blob, String action) {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw new TransientFailure(
          action,
          "the connection to the registry broke while downloading blob "
              + blob.digest()
              + " ("
              + e.getMessage()
              + ")",
          "Try again; tell the operators if it persists.",
          e);
    }
  }

  private static PermanentFailure mismatch(Descriptor blob, String action, String what) {
    return new PermanentFailure(
        action,
        "the registry's blob " + blob.digest() + " " + what,
        "Tell the operators: the registry's storage may be damaged.",
        ReasonCodes.REJECTED);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // The body was read or is abandoned; a failing close changes nothing in the archive.
    }
  }
}
