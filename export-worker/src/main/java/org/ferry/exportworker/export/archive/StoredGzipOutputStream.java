package org.ferry.exportworker.export.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;

/**
 * A gzip stream whose deflate blocks are all stored (level 0): the file is a valid {@code .tar.gz}
 * that {@code docker load} and {@code gunzip} read, while its already-compressed layers are not
 * compressed a second time for nothing.
 */
final class StoredGzipOutputStream extends FilterOutputStream {

  /** The largest payload of one stored deflate block (RFC 1951, 3.2.4). */
  static final int MAX_BLOCK = 65_535;

  private static final byte[] HEADER = {
    0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff // no name, no mtime, OS unknown
  };

  private final byte[] block = new byte[MAX_BLOCK];
  private final CRC32 crc = new CRC32();
  private int filled;
  private long total;
  private boolean headerWritten;
  private boolean finished;

  StoredGzipOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    ensureHeader();
    crc.update(bytes, offset, length);
    total += length;
    while (length > 0) {
      if (filled == 0 && length >= MAX_BLOCK) {
        // Big writes go straight out, without a copy through the block buffer.
        writeBlock(bytes, offset, MAX_BLOCK, false);
        offset += MAX_BLOCK;
        length -= MAX_BLOCK;
        continue;
      }
      var n = Math.min(length, MAX_BLOCK - filled);
      System.arraycopy(bytes, offset, block, filled, n);
      filled += n;
      offset += n;
      length -= n;
      if (filled == MAX_BLOCK) {
        writeBlock(block, 0, filled, false);
        filled = 0;
      }
    }
  }

  /** Writes the last block and the gzip trailer; the underlying stream stays open. */
  void finish() throws IOException {
    if (finished) {
      return;
    }
    ensureHeader();
    writeBlock(block, 0, filled, true);
    filled = 0;
    writeIntLittleEndian(crc.getValue());
    writeIntLittleEndian(total);
    out.flush();
    finished = true;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      finish();
    } finally {
      out.close();
    }
  }

  private void ensureHeader() throws IOException {
    if (finished) {
      throw new IOException("The gzip stream is already finished");
    }
    if (!headerWritten) {
      out.write(HEADER);
      headerWritten = true;
    }
  }

  private void writeBlock(byte[] bytes, int offset, int length, boolean last) throws IOException {
    out.write(last ? 1 : 0); // BFINAL and BTYPE=00 (stored), padded to the byte boundary
    out.write(length & 0xff);
    out.write((length >>> 8) & 0xff);
    out.write(~length & 0xff);
    out.write((~length >>> 8) & 0xff);
    out.write(bytes, offset, length);
  }

  private void writeIntLittleEndian(long value) throws IOException {
    out.write((int) (value & 0xff));
    out.write((int) ((value >>> 8) & 0xff));
    out.write((int) ((value >>> 16) & 0xff));
    out.write((int) ((value >>> 24) & 0xff));
  }
}
