package org.ferry.pushworker.push.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip on all cores: the bytes are cut into fixed-size blocks, each block is compressed on its own
 * into a complete gzip member, and the members are written in order. A concatenation of gzip
 * members is one valid gzip stream (RFC 1952), and the output depends only on the input, the block
 * size and the level, so the same layer always gets the same digest.
 */
final class ParallelGzipOutputStream extends OutputStream {

  // No file name, no modification time, "unknown" OS: nothing that varies between runs.
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private static final int SAMPLE = 32 * 1024;

  private final OutputStream out;
  private final ExecutorService pool;
  private final int level;
  private final int maxPending;
  private final Deque<Future<byte[]>> pending = new ArrayDeque<>();
  private byte[] block;
  private int filled;
  private boolean wroteAny;
  private boolean closed;

  ParallelGzipOutputStream(
      OutputStream out, ExecutorService pool, int threads, int level, int blockSize) {
    this.out = out;
    this.pool = pool;
    this.level = level;
    this.maxPending = Math.max(2, threads * 2);
    this.block = new byte[blockSize];
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      var count = Math.min(len, block.length - filled);
      System.arraycopy(b, off, block, filled, count);
      filled += count;
      off += count;
      len -= count;
      if (filled == block.length) {
        submit();
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      // An empty layer still needs one (empty) member to be a gzip stream.
      if (filled > 0 || !wroteAny) {
        submit();
      }
      while (!pending.isEmpty()) {
        writeOldest();
      }
    } finally {
      pending.forEach(future -> future.cancel(true));
      out.close();
    }
  }

  private void submit() throws IOException {
    var data = filled == block.length ? block : Arrays.copyOf(block, filled);
    var blockLevel = level;
    pending.addLast(pool.submit(() -> member(data, blockLevel)));
    wroteAny = true;
    block = new byte[block.length];
    filled = 0;
    while (pending.size() > maxPending) {
      writeOldest();
    }
  }

  private void writeOldest() throws IOException {
    try {
      out.write(pending.removeFirst().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing");
    } catch (ExecutionException e) {
      throw new IOException("compressing a block failed", e.getCause());
    }
  }

  static byte[] member(byte[] data, int level) {
    var deflater = new Deflater(incompressible(data) ? Deflater.NO_COMPRESSION : level, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      var result = new ByteArrayOutputStream(data.length / 2 + 64);
      result.writeBytes(HEADER);
      var buffer = new byte[64 * 1024];
      while (!deflater.finished()) {
        var count = deflater.deflate(buffer);
        result.write(buffer, 0, count);
      }
      var crc = new CRC32();
      crc.update(data);
      writeInt(result, (int) crc.getValue());
      writeInt(result, data.length);
      return result.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * Whether a trial on the block's first {@value #SAMPLE} bytes saves less than 3%: then the block
   * is stored, not compressed (random data, already compressed files), which costs a copy instead
   * of a full deflate for nothing. The trial depends only on the bytes, so the output stays
   * deterministic.
   */
  private static boolean incompressible(byte[] data) {
    if (data.length < 2 * SAMPLE) {
      return false;
    }
    var trial = new Deflater(Deflater.BEST_SPEED, true);
    try {
      trial.setInput(data, 0, SAMPLE);
      trial.finish();
      var out = new byte[SAMPLE + 1024];
      var size = 0;
      while (!trial.finished()) {
        size += trial.deflate(out);
      }
      return size > SAMPLE * 0.97;
    } finally {
      trial.end();
    }
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write(value);
    out.write(value >>> 8);
    out.write(value >>> 16);
    out.write(value >>> 24);
  }
}
