package org.ferry.exportworker.export.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredGzipOutputStreamTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65_534, 65_535, 65_536, 300_001})
  void writesGzipThatAnyReaderInflatesToTheSameBytes(int length) throws IOException {
    // given
    var data = new byte[length];
    new Random(length).nextBytes(data);
    var out = new ByteArrayOutputStream();

    // when: mixed small and large writes, as a tar writer makes them
    try (var gzip = new StoredGzipOutputStream(out)) {
      var offset = 0;
      var step = 1;
      while (offset < length) {
        var n = Math.min(step, length - offset);
        gzip.write(data, offset, n);
        offset += n;
        step = step * 7 + 3;
      }
    }

    // then
    try (var in = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 100_000, 1_000_000})
  void storesBytesWithOnlyFramingOverhead(int length) throws IOException {
    // given
    var out = new ByteArrayOutputStream();

    // when
    try (var gzip = new StoredGzipOutputStream(out)) {
      gzip.write(new byte[length]);
    }

    // then: zeros would shrink under any compression; stored blocks keep them as they are
    var blocks = length / StoredGzipOutputStream.MAX_BLOCK + 1;
    assertThat(out.size()).isEqualTo(10 + length + 5 * blocks + 8);
  }
}
