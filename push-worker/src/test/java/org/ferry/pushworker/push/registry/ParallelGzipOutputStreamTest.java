package org.ferry.pushworker.push.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelGzipOutputStreamTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(3);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void writesConcatenatedMembersThatGunzipToTheInput() throws IOException {
    // given: a mix of compressible and random bytes over many blocks and a partial last one
    var input = new byte[(64 * 1024) * 7 + 1234];
    new Random(1).nextBytes(input);
    java.util.Arrays.fill(input, 10_000, 200_000, (byte) 'a');

    // when
    var compressed = compress(input);

    // then
    assertThat(gunzip(compressed)).isEqualTo(input);
    assertThat(compressed.length).isLessThan(input.length);
  }

  @Test
  void compressesTheSameBytesToTheSameStream() throws IOException {
    // given
    var input = new byte[300_000];
    new Random(2).nextBytes(input);

    // when
    var first = compress(input);
    var second = compress(input);

    // then
    assertThat(first).isEqualTo(second);
  }

  @Test
  void writesAValidGzipStreamForAnEmptyLayer() throws IOException {
    // when
    var compressed = compress(new byte[0]);

    // then
    assertThat(gunzip(compressed)).isEmpty();
  }

  private byte[] compress(byte[] input) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var gzip = new ParallelGzipOutputStream(out, pool, 3, 1, 64 * 1024)) {
      // odd write sizes, so blocks fill across writes
      for (var offset = 0; offset < input.length; offset += 10_007) {
        gzip.write(input, offset, Math.min(10_007, input.length - offset));
      }
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] compressed) throws IOException {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }
}
