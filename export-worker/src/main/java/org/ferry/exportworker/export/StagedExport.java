package org.ferry.exportworker.export;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.ferry.image.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An export archive written under a hidden temporary name in its final folder and shown under its
 * final name only when complete: synced, its {@code .sha256} file beside it, then renamed at once.
 * Closing it unpublished removes every temporary file, so a failed export leaves nothing behind.
 */
final class StagedExport implements Closeable {

  static final String CHECKSUM_SUFFIX = ".sha256";

  private static final Logger log = LoggerFactory.getLogger(StagedExport.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BUFFER = 256 * 1024;
  private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-f]{12}\\.tmp");

  private final ExportFolder folder;
  private final String name;
  private final String temp;
  private final String checksumTemp;
  private final FileChannel channel;
  private final MessageDigest sha256;
  private final OutputStream stream;
  private boolean published;

  private StagedExport(ExportFolder folder, String name, String suffix, FileChannel channel) {
    this.folder = folder;
    this.name = name;
    this.temp = temporaryName(name, suffix);
    this.checksumTemp = temporaryName(name + CHECKSUM_SUFFIX, suffix);
    this.channel = channel;
    this.sha256 = Sha256.hasher();
    this.stream =
        new DigestOutputStream(
            new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER), sha256);
  }

  /** Creates {@code .<name>.<random>.tmp} in {@code folder}. */
  static StagedExport create(ExportFolder folder, String name) throws IOException {
    var suffix = HexFormat.of().formatHex(random());
    var channel = folder.create(temporaryName(name, suffix));
    return new StagedExport(folder, name, suffix, channel);
  }

  /** Where the archive's bytes go; its checksum is computed as they pass. */
  OutputStream stream() {
    return stream;
  }

  /**
   * Syncs the archive, writes {@code <name>.sha256} ({@code sha256sum -c} format) the same way,
   * then renames the archive to {@code name}, replacing what had that name.
   */
  Published publish() throws IOException {
    stream.flush();
    channel.force(true);
    var size = channel.size();
    channel.close();
    var hex = Sha256.finish(sha256).hex();
    writeChecksum(hex + "  " + name + "\n");
    folder.rename(checksumTemp, name + CHECKSUM_SUFFIX);
    try {
      folder.rename(temp, name);
    } catch (IOException e) {
      // A checksum beside an archive it does not describe would be worse than none.
      folder.delete(name + CHECKSUM_SUFFIX);
      throw e;
    }
    published = true;
    folder.sync();
    return new Published(size, hex);
  }

  /** Removes the temporary files unless the archive was published. */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("closing {} failed: {}", temp, e.getMessage());
    }
    if (!published) {
      deleteTemporary(temp);
      deleteTemporary(checksumTemp);
    }
  }

  private void writeChecksum(String line) throws IOException {
    try (var checksum = folder.create(checksumTemp)) {
      var bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        checksum.write(bytes);
      }
      checksum.force(true);
    }
  }

  private void deleteTemporary(String file) {
    try {
      folder.delete(file);
    } catch (IOException e) {
      // The export has failed already; what is left for operators to clean is all we can report.
      log.error("Could not delete the temporary file {}: {}", file, e.getMessage());
    }
  }

  /** Whether {@code name} is one this class gives its temporary files. */
  static boolean isTemporary(String name) {
    return TEMPORARY.matcher(name).matches();
  }

  private static String temporaryName(String name, String suffix) {
    return "." + name + "." + suffix + ".tmp";
  }

  private static byte[] random() {
    var bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** The published archive's size and SHA-256. */
  record Published(long size, String sha256) {}
}
