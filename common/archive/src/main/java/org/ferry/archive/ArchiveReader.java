package org.ferry.archive;

import static org.ferry.archive.BadArchive.SAVE_AGAIN;
import static org.ferry.archive.BadArchive.because;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;

/**
 * Reads a {@code docker save} archive, gzip or plain tar, once from start to end, checking every
 * entry and the archive's limits as it goes. Only small buffers are held; an archive of any size
 * streams through.
 *
 * <p>Every problem surfaces as a {@link FerryFailure}: the archive's own faults as permanent ones
 * that say what to do, a NAS that cannot be read as a transient one.
 */
final class ArchiveReader implements Closeable {

  private static final int BUFFER = 256 * 1024;
  private static final int TAR_MAGIC_OFFSET = 257;
  private static final int RECORD = 512;

  private final String action;
  private final ArchiveLimits limits;
  private final InputStream file;
  private final CountingInputStream compressed;
  private final CountingInputStream uncompressed;
  private final TarArchiveInputStream tar;
  private final boolean gzip;
  private final EntryRules rules;
  private int entries;

  /** Counts the entries handed out, so that a content stream knows when it is out of date. */
  private long position;

  /**
   * The least a complete tar of the entries seen so far takes: headers, padded data, end marker.
   */
  private long completeSize = 2 * RECORD;

  private ArchiveReader(
      String action,
      ArchiveLimits limits,
      InputStream file,
      CountingInputStream compressed,
      CountingInputStream uncompressed,
      boolean gzip) {
    this.action = action;
    this.limits = limits;
    this.file = file;
    this.compressed = compressed;
    this.uncompressed = uncompressed;
    this.gzip = gzip;
    this.tar = new TarArchiveInputStream(uncompressed);
    this.rules = new EntryRules(action);
  }

  /**
   * Opens {@code archive} (never following a link) and checks that it is a gzip or tar archive.
   *
   * @param bytesRead told the running count of archive bytes read, for progress
   */
  static ArchiveReader open(Path archive, ArchiveLimits limits, LongConsumer bytesRead) {
    var action = "push " + archive.getFileName();
    InputStream file;
    try {
      file = Files.newInputStream(archive, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new PermanentFailure(
          action,
          "the archive is gone",
          "Copy it into push-images again.",
          ReasonCodes.NOT_FOUND,
          e);
    } catch (IOException e) {
      throw unreadable(action, e);
    }
    try {
      var compressed = new CountingInputStream(new NasStream(file), bytesRead);
      var head = new BufferedInputStream(compressed, BUFFER);
      var gzip = isGzip(head);
      LongConsumer sizeCheck = total -> checkSize(action, limits, gzip, compressed, total);
      CountingInputStream uncompressed;
      if (gzip) {
        var gunzipped =
            new BufferedInputStream(
                GzipCompressorInputStream.builder()
                    .setInputStream(head)
                    .setDecompressConcatenated(true)
                    .get(),
                BUFFER);
        if (!isTar(gunzipped)) {
          throw because(
              action,
              "it is gzip-compressed, but what it holds is not a tar archive",
              "Compress the output of docker save -o x.tar IMAGE, or copy x.tar as it is.");
        }
        uncompressed = new CountingInputStream(gunzipped, sizeCheck);
      } else if (isTar(head)) {
        uncompressed = new CountingInputStream(head, sizeCheck);
      } else {
        throw because(
            action,
            "it is not a gzip or tar archive",
            "Copy the file that docker save -o x.tar IMAGE wrote (gzip-compressed or not).");
      }
      return new ArchiveReader(action, limits, file, compressed, uncompressed, gzip);
    } catch (IOException e) {
      closeQuietly(file);
      throw translate(action, e);
    } catch (RuntimeException e) {
      closeQuietly(file);
      throw e;
    }
  }

  String action() {
    return action;
  }

  boolean gzip() {
    return gzip;
  }

  long uncompressedBytes() {
    return uncompressed.count();
  }

  /** The next checked entry with its normalized path, or null at the end of the archive. */
  Entry next() {
    try {
      var entry = tar.getNextEntry();
      if (entry == null) {
        return null;
      }
      if (++entries > limits.maxEntries()) {
        throw because(
            action,
            "it has more than " + limits.maxEntries() + " entries, far more than one image needs",
            BadArchive.ONE_IMAGE);
      }
      if (entry.getSize() > limits.maxUncompressedSize().toBytes()) {
        throw tooLarge(action, limits);
      }
      completeSize += RECORD + (entry.getSize() + RECORD - 1) / RECORD * RECORD;
      position++;
      var path = rules.check(entry);
      return new Entry(entry, path, rules.linkTarget(path));
    } catch (IOException e) {
      throw translate(action, e);
    }
  }

  /** Reads up to {@code buffer.length} bytes of the current entry's content; -1 at its end. */
  int read(byte[] buffer) {
    try {
      return tar.read(buffer, 0, buffer.length);
    } catch (IOException e) {
      throw translate(action, e);
    }
  }

  /**
   * The current entry's content, readable until {@link #next()} moves on. A read that breaks a
   * limit throws that rule's {@link FerryFailure}; one that finds the archive's bytes broken off or
   * unreadable throws the {@link IOException} as it came.
   */
  InputStream content() {
    return new Content(position);
  }

  /** See {@link EntryRules#resolve(String)}. */
  String resolve(String path) {
    return rules.resolve(path);
  }

  /** Reads what follows the tar's end marker, so that every byte of the file has been counted. */
  void drain() {
    try {
      uncompressed.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw translate(action, e);
    }
  }

  /**
   * Reads the whole content of a small JSON entry such as {@code manifest.json}, refusing one above
   * the manifest limit before reading it.
   */
  byte[] readSmall(Entry entry) {
    var max = limits.maxManifestSize().toBytes();
    if (entry.tar().getSize() > max) {
      throw because(
          action,
          "its "
              + entry.path()
              + " is "
              + entry.tar().getSize()
              + " bytes, more than the "
              + human(max)
              + " Ferry reads",
          SAVE_AGAIN);
    }
    try {
      return tar.readNBytes((int) entry.tar().getSize());
    } catch (IOException e) {
      throw translate(action, e);
    }
  }

  /**
   * Runs the checks that need the whole archive; call after {@link #next()} returned null.
   *
   * <p>The tar reader takes a plain end of file for the end of the archive, so a tar cut short is
   * caught here: it is shorter than its own entries say it must be.
   */
  void finish() {
    if (uncompressed.count() < completeSize) {
      throw endsEarly(action, null);
    }
    rules.finish();
  }

  @Override
  public void close() {
    closeQuietly(file);
  }

  /** Throws {@link Rejected} (unchecked, for the counting stream) once a limit is broken. */
  private static void checkSize(
      String action,
      ArchiveLimits limits,
      boolean gzip,
      CountingInputStream compressed,
      long total) {
    if (total > limits.maxUncompressedSize().toBytes()) {
      throw new UncheckedIOException(new Rejected(tooLarge(action, limits)));
    }
    if (gzip
        && total > ArchiveLimits.RATIO_GRACE_BYTES
        && total > limits.maxCompressionRatio() * Math.max(1, compressed.count())) {
      throw new UncheckedIOException(
          new Rejected(
              because(
                  action,
                  "it unpacks to more than "
                      + limits.maxCompressionRatio()
                      + " times its compressed size, like a decompression bomb",
                  "Copy the uncompressed tar written by docker save -o x.tar IMAGE instead;"
                      + " tell the operators if this image really compresses that well.")));
    }
  }

  private static PermanentFailure tooLarge(String action, ArchiveLimits limits) {
    return because(
        action,
        "it unpacks to more than "
            + human(limits.maxUncompressedSize().toBytes())
            + " (the limit Ferry reads)",
        "Push a smaller image, or ask the operators to raise ferry.archive.max-uncompressed-size.");
  }

  private static boolean isGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    var magic = in.readNBytes(2);
    in.reset();
    return magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
  }

  /** A tar header block carries "ustar" at offset 257 (POSIX, GNU and PAX tars alike). */
  private static boolean isTar(BufferedInputStream in) throws IOException {
    in.mark(512);
    var header = in.readNBytes(512);
    in.reset();
    return header.length == 512
        && header[TAR_MAGIC_OFFSET] == 'u'
        && header[TAR_MAGIC_OFFSET + 1] == 's'
        && header[TAR_MAGIC_OFFSET + 2] == 't'
        && header[TAR_MAGIC_OFFSET + 3] == 'a'
        && header[TAR_MAGIC_OFFSET + 4] == 'r';
  }

  /** Turns what went wrong while reading into the failure a user or operator can act on. */
  static FerryFailure translate(String action, IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof Rejected rejected) {
        return rejected.failure;
      }
      if (cause instanceof NasReadFailed nas) {
        return unreadable(action, nas.getCause());
      }
    }
    if (e instanceof EOFException || String.valueOf(e.getMessage()).contains("runcated")) {
      return endsEarly(action, e);
    }
    if (isGzipFault(e)) {
      return because(
          action,
          String.valueOf(e.getMessage()).contains("corrupt")
              ? "its gzip data is corrupt"
              : "its gzip data is corrupt (" + e.getMessage() + ")",
          "Copy the archive again; if it still fails, save and compress the image again.",
          e);
    }
    return because(action, "it is not a valid tar archive (" + e.getMessage() + ")", SAVE_AGAIN, e);
  }

  private static PermanentFailure endsEarly(String action, IOException cause) {
    return because(
        action,
        "the archive ends early, so it was probably copied only in part",
        "Copy the complete archive again.",
        cause);
  }

  private static boolean isGzipFault(IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ZipException || cause instanceof DataFormatException) {
        return true;
      }
    }
    return String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("gzip");
  }

  /** A size as people read it: 64 GiB, 1 MiB, 4 KiB, or bytes when it is no round number. */
  static String human(long bytes) {
    var units = new String[] {"GiB", "MiB", "KiB"};
    var sizes = new long[] {1L << 30, 1L << 20, 1L << 10};
    for (int i = 0; i < units.length; i++) {
      if (bytes >= sizes[i] && bytes % sizes[i] == 0) {
        return bytes / sizes[i] + " " + units[i];
      }
    }
    return bytes + " bytes";
  }

  private static TransientFailure unreadable(String action, Throwable cause) {
    return new TransientFailure(
        action,
        "Ferry could not read it from the NAS (" + cause.getMessage() + ")",
        "Try again later; tell the operators if it persists.",
        cause);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Only read from: nothing to lose.
    }
  }

  /**
   * An entry that passed the rules, with its normalized path and, for a link, the in-archive path
   * it points at (null otherwise).
   */
  record Entry(TarArchiveEntry tar, String path, String linkTarget) {

    /** Whether the entry carries content (links, folders and the rest carry none). */
    boolean isFile() {
      var flag = tar.getLinkFlag();
      return flag == TarConstants.LF_NORMAL
          || flag == TarConstants.LF_OLDNORM
          || flag == TarConstants.LF_CONTIG;
    }
  }

  /** The content of one entry, streamed straight from the tar. */
  private final class Content extends InputStream {
    private final long entry;

    Content(long entry) {
      this.entry = entry;
    }

    @Override
    public int read() throws IOException {
      var one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (entry != position) {
        throw new IllegalStateException("An entry's content was read after the next entry");
      }
      try {
        return tar.read(b, off, len);
      } catch (IOException e) {
        throw rejectedOrAsItCame(e);
      }
    }

    @Override
    public void close() {
      // The archive goes on to its next entry.
    }

    private IOException rejectedOrAsItCame(IOException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof Rejected rejected) {
          throw rejected.failure;
        }
      }
      return e;
    }
  }

  /**
   * Carries a failure found inside a stream stack out through readers that only pass on {@link
   * IOException}s.
   */
  static final class Rejected extends IOException {
    private final transient FerryFailure failure;

    Rejected(FerryFailure failure) {
      super(failure.getMessage());
      this.failure = failure;
    }
  }

  /** Marks an I/O error of the NAS itself, as opposed to a fault in the archive's bytes. */
  private static final class NasReadFailed extends IOException {
    NasReadFailed(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** The archive file itself: its read errors are the NAS's, not the archive's. */
  private static final class NasStream extends FilterInputStream {
    NasStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw new NasReadFailed(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw new NasReadFailed(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return super.skip(n);
      } catch (IOException e) {
        throw new NasReadFailed(e);
      }
    }
  }
}
