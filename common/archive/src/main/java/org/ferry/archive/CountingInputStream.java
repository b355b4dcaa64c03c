package org.ferry.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.LongConsumer;

/**
 * Counts the bytes read through it and tells a listener the running total after every read: the one
 * counting stream, for progress and for limits on what a stream may yield.
 *
 * <p>Skipped bytes are read, not skipped, so every byte is counted and a source that ends early
 * shows as its end. A listener that throws {@link UncheckedIOException} stops the read with its
 * cause, so a limit fails the read as an I/O error would.
 */
public final class CountingInputStream extends FilterInputStream {

  private static final int SKIP_BUFFER = 8192;

  private final LongConsumer listener;
  private long count;

  public CountingInputStream(InputStream in, LongConsumer listener) {
    super(in);
    this.listener = listener;
  }

  /** The bytes read through it so far. */
  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    var one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    var n = in.read(b, off, len);
    if (n > 0) {
      count += n;
      try {
        listener.accept(count);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    if (n <= 0) {
      return 0;
    }
    var buffer = new byte[(int) Math.min(n, SKIP_BUFFER)];
    return Math.max(read(buffer, 0, buffer.length), 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
