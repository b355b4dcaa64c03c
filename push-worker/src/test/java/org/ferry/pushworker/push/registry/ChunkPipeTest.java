package org.ferry.pushworker.push.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChunkPipeTest {

  @Test
  void passesBytesInOrderToTheReadingThread() throws Exception {
    // given
    var pipe = new ChunkPipe(2);
    var reading = CompletableFuture.supplyAsync(() -> readAll(pipe));

    // when
    try (var sink = pipe.sink()) {
      for (var i = 0; i < 100; i++) {
        sink.write(new byte[] {(byte) i, (byte) (i + 1)}, 1, 1);
      }
    }

    // then
    var read = reading.get(10, TimeUnit.SECONDS);
    assertThat(read).hasSize(100);
    for (var i = 0; i < 100; i++) {
      assertThat(read[i]).isEqualTo((byte) (i + 1));
    }
  }

  @Test
  void failsTheWriterInsteadOfBlockingWhenNobodyReadsAnyMore() throws IOException {
    // given: a full pipe whose reader is gone
    var pipe = new ChunkPipe(1);
    var sink = pipe.sink();
    sink.write(new byte[] {1});
    pipe.readerDone();
    sink.write(new byte[] {2});

    // when / then
    assertThatThrownBy(
            () -> {
              for (var i = 0; i < 3; i++) {
                sink.write(new byte[] {3});
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessageContaining("stopped reading");
  }

  @Test
  void failsTheReaderWhenTheArchiveBreaksOff() throws IOException {
    // given
    var pipe = new ChunkPipe(4);
    pipe.sink().write(new byte[] {1, 2, 3});

    // when
    pipe.breakPipe();

    // then: a request sending this must be aborted, never completed with part of a layer
    assertThatThrownBy(() -> pipe.source().readAllBytes())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("could not be read to the end");
  }

  private static byte[] readAll(ChunkPipe pipe) {
    try (var source = pipe.source()) {
      return source.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
