package org.ferry.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class CountingInputStreamTest {

  @Test
  void tellsTheListenerTheRunningTotalOfEveryRead() throws IOException {
    var totals = new ArrayList<Long>();
    var in = new CountingInputStream(new ByteArrayInputStream(new byte[10]), totals::add);

    in.read();
    in.readNBytes(4);
    in.transferTo(OutputStream.nullOutputStream());

    assertThat(totals).containsExactly(1L, 5L, 10L);
    assertThat(in.count()).isEqualTo(10);
  }

  @Test
  void countsSkippedBytesByReadingThem() throws IOException {
    var source = new ByteArrayInputStream(new byte[100]);
    var in = new CountingInputStream(source, total -> {});

    var skipped = in.skip(30);

    assertThat(skipped).isEqualTo(30);
    assertThat(in.count()).isEqualTo(30);
    assertThat(source.available()).isEqualTo(70);
  }

  @Test
  void skipsNothingPastTheEnd() throws IOException {
    var in = new CountingInputStream(new ByteArrayInputStream(new byte[3]), total -> {});

    var skipped = in.skip(10) + in.skip(10);

    assertThat(skipped).isEqualTo(3);
    assertThat(in.count()).isEqualTo(3);
  }

  @Test
  void aListenerStopsTheReadWithAnIoException() {
    var limit = new IOException("too large");
    var in =
        new CountingInputStream(
            new ByteArrayInputStream(new byte[10]),
            total -> {
              if (total > 4) {
                throw new UncheckedIOException(limit);
              }
            });

    assertThatThrownBy(() -> in.readNBytes(10)).isSameAs(limit);
  }

  @Test
  void doesNotOfferMarkAndReset() {
    var in = new CountingInputStream(new ByteArrayInputStream(new byte[1]), total -> {});

    assertThat(in.markSupported()).isFalse();
  }
}
