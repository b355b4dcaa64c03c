package org.ferry.pushworker.push.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded in-memory pipe between the thread that reads the archive and the thread that sends a
 * blob: at most {@code capacity} chunks wait in it, so a slow registry slows the reading down
 * instead of filling the heap. Unlike {@code PipedInputStream} it does not care which threads use
 * it.
 */
final class ChunkPipe {

  private static final byte[] END = new byte[0];
  private static final byte[] BROKEN = new byte[0];

  private final BlockingQueue<byte[]> chunks;
  private volatile boolean readerGone;

  ChunkPipe(int capacity) {
    this.chunks = new ArrayBlockingQueue<>(capacity);
  }

  /**
   * Says that nothing reads the pipe any more (the request ended, maybe early with an error), so
   * the writing side fails instead of waiting forever.
   */
  void readerDone() {
    readerGone = true;
    chunks.clear();
  }

  /** Makes the reading side fail, so a request that sends it is aborted, not completed. */
  void breakPipe() {
    chunks.clear();
    chunks.offer(BROKEN);
  }

  OutputStream sink() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (len > 0) {
          put(Arrays.copyOfRange(b, off, off + len));
        }
      }

      @Override
      public void close() throws IOException {
        put(END);
      }
    };
  }

  InputStream source() {
    return new InputStream() {
      private byte[] chunk = new byte[0];
      private int position;

      @Override
      public int read() throws IOException {
        var one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        while (position == chunk.length) {
          if (chunk == END) {
            return -1;
          }
          chunk = take();
          position = 0;
        }
        var count = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, count);
        position += count;
        return count;
      }

      @Override
      public void close() {
        readerDone();
      }
    };
  }

  private void put(byte[] chunk) throws IOException {
    try {
      while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
        if (readerGone) {
          throw new IOException("the upload stopped reading");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while handing bytes to the upload");
    }
  }

  private byte[] take() throws IOException {
    try {
      var chunk = chunks.take();
      if (chunk == BROKEN) {
        throw new IOException("the archive could not be read to the end");
      }
      return chunk;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for archive bytes");
    }
  }
}
