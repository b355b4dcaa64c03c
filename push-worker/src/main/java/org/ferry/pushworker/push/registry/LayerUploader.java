package org.ferry.pushworker.push.registry;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.ferry.archive.CountingInputStream;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Digest;
import org.ferry.image.Sha256;
import org.ferry.registry.RegistryWriter;
import org.ferry.registry.Repository;

/**
 * Uploads one layer while it is read from the archive: the tar bytes are hashed (the diffID),
 * optionally compressed on all cores, hashed again (the blob digest) and streamed to the registry
 * through a bounded pipe, and the upload is completed with the digest computed on the way. Only a
 * few blocks are ever in memory.
 */
final class LayerUploader {

  private static final int PIPE_CHUNKS = 16;

  private final RegistryWriter registry;
  private final RegistryPushProperties properties;
  private final ExecutorService compressors;
  private final ExecutorService senders;

  LayerUploader(
      RegistryWriter registry,
      RegistryPushProperties properties,
      ExecutorService compressors,
      ExecutorService senders) {
    this.registry = registry;
    this.properties = properties;
    this.compressors = compressors;
    this.senders = senders;
  }

  /**
   * Uploads the layer tar that {@code content} yields to its end, compressed unless the properties
   * say otherwise.
   *
   * @param sent told the running count of blob bytes handed to the registry
   * @throws IOException when the archive cannot be read; the upload is then abandoned
   */
  LayerBlob upload(Repository repository, InputStream content, LongConsumer sent)
      throws IOException {
    return send(
        repository,
        sent,
        properties.compress(),
        sink -> {
          var layer =
              properties.compress()
                  ? new ParallelGzipOutputStream(
                      sink,
                      compressors,
                      properties.threads(),
                      properties.gzipLevel(),
                      (int) properties.blockSize().toBytes())
                  : sink;
          var tar = new Hashing(layer);
          content.transferTo(tar);
          tar.close();
          return tar;
        });
  }

  /**
   * Uploads a layer the archive already holds gzip-compressed (the OCI layout of a daemon that
   * keeps pulled layers compressed) as it is, unpacking it on the way only for its diffID.
   */
  LayerBlob uploadCompressed(Repository repository, InputStream content, LongConsumer sent)
      throws IOException {
    return send(
        repository,
        sent,
        true,
        sink -> {
          var tee = new Tee(content, sink);
          var tar = new Hashing(OutputStream.nullOutputStream());
          try (var gunzip = gunzip(tee)) {
            gunzip.transferTo(tar);
          }
          tee.transferTo(OutputStream.nullOutputStream());
          sink.close();
          tar.close();
          return tar;
        });
  }

  private LayerBlob send(Repository repository, LongConsumer sent, boolean gzip, Writing writing)
      throws IOException {
    var location = registry.startBlobUpload(repository);
    var pipe = new ChunkPipe(PIPE_CHUNKS);
    // The sending thread hashes the blob, so the reading thread only inflates and hashes the tar.
    var counted = new CountingInputStream(pipe.source(), sent);
    var blob = new HashingInput(counted);
    Future<URI> sending =
        senders.submit(
            () -> {
              try {
                return registry.streamBlobChunk(repository, location, blob);
              } finally {
                pipe.readerDone();
              }
            });
    Hashing tar;
    try {
      tar = writing.write(pipe.sink());
    } catch (IOException | RuntimeException e) {
      pipe.breakPipe();
      sending.cancel(true);
      // A refused upload stops the pipe; the registry's reason says more than the pipe's.
      if (sending.isDone() && !sending.isCancelled()) {
        await(sending);
      }
      throw e;
    }
    var next = await(sending);
    var digest = blob.digest();
    registry.completeBlobUpload(repository, next, digest);
    return new LayerBlob(tar.digest(), tar.count(), digest, counted.count(), gzip);
  }

  /**
   * Reads {@code content} to its end for its diffID only, for a layer the registry already has as
   * {@code digest} of {@code size} bytes.
   */
  static LayerBlob hashOnly(InputStream content, boolean gzip, Digest digest, long size)
      throws IOException {
    var tar = new Hashing(OutputStream.nullOutputStream());
    if (gzip) {
      try (var gunzip = gunzip(new Tee(content, OutputStream.nullOutputStream()))) {
        gunzip.transferTo(tar);
      }
      content.transferTo(OutputStream.nullOutputStream());
    } else {
      content.transferTo(tar);
    }
    tar.close();
    return new LayerBlob(tar.digest(), tar.count(), digest, size, gzip);
  }

  private static InputStream gunzip(InputStream in) throws IOException {
    return GzipCompressorInputStream.builder()
        .setInputStream(in)
        .setDecompressConcatenated(true)
        .get();
  }

  /** Writes a layer's blob into the sink and returns the hash of its tar. */
  private interface Writing {
    Hashing write(OutputStream sink) throws IOException;
  }

  /**
   * Hands every byte read through it to {@link #seen}; skipped bytes are read too, so nothing
   * passes unseen.
   */
  private abstract static class ObservedInput extends FilterInputStream {

    ObservedInput(InputStream in) {
      super(in);
    }

    abstract void seen(byte[] b, int off, int n) throws IOException;

    @Override
    public int read() throws IOException {
      var one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      var n = in.read(b, off, len);
      if (n > 0) {
        seen(b, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      var buffer = new byte[(int) Math.min(n, 8192)];
      return Math.max(read(buffer, 0, buffer.length), 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }

  /** Copies what is read through it to {@code copy}; closing it leaves the source open. */
  private static final class Tee extends ObservedInput {
    private final OutputStream copy;

    Tee(InputStream in, OutputStream copy) {
      super(in);
      this.copy = copy;
    }

    @Override
    void seen(byte[] b, int off, int n) throws IOException {
      copy.write(b, off, n);
    }

    @Override
    public void close() {
      // The archive's stream goes on to its next entry.
    }
  }

  private static URI await(Future<URI> sending) {
    try {
      return sending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientFailure("upload a layer", "the worker is shutting down", "Try again.", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FerryFailure failure) {
        throw failure;
      }
      throw new IllegalStateException("Uploading a layer failed", e.getCause());
    }
  }

  /** Hashes what is read through it, up to its end; a counting stream below it counts. */
  private static final class HashingInput extends ObservedInput {
    private final MessageDigest hash = Sha256.hasher();

    HashingInput(InputStream in) {
      super(in);
    }

    @Override
    void seen(byte[] b, int off, int n) {
      hash.update(b, off, n);
    }

    Digest digest() {
      return Sha256.finish(hash);
    }
  }

  /** Counts and hashes what passes through it. */
  private static final class Hashing extends FilterOutputStream {
    private final MessageDigest hash = Sha256.hasher();
    private long count;
    private Digest digest;

    Hashing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      hash.update(b, off, len);
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void close() throws IOException {
      if (digest == null) {
        digest = Sha256.finish(hash);
        out.close();
      }
    }

    Digest digest() {
      return digest;
    }

    long count() {
      return count;
    }
  }
}
