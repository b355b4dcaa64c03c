package org.ferry.exportworker.export.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ferry.exportworker.export.registry.Blobs.descriptor;
import static org.ferry.exportworker.export.registry.Blobs.utf8;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.registry.MediaTypes;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.Repository;
import org.junit.jupiter.api.Test;

class BlobCopyTest {

  private static final Repository REPO = new Repository("team-a", "hello");
  private static final String ACTION = "export team-a/hello:v1";

  private final RegistryReader registry = mock(RegistryReader.class);
  private final BlobCopy copy = new BlobCopy(registry, 4);

  @Test
  void copiesABlobThroughASmallBufferAndCountsEveryByte() throws IOException {
    // given
    var content = utf8("a layer of some length");
    var blob = descriptor(MediaTypes.DOCKER_LAYER_GZIP, content);
    when(registry.openBlob(REPO, blob.digest())).thenReturn(new ByteArrayInputStream(content));
    var out = new ByteArrayOutputStream();
    var counted = new AtomicLong();

    // when
    copy.copy(REPO, blob, ACTION, out, counted::addAndGet);

    // then
    assertThat(out.toByteArray()).isEqualTo(content);
    assertThat(counted).hasValue(content.length);
  }

  @Test
  void rejectsABlobWhoseContentDoesNotMatchItsDigest() {
    // given
    var blob = descriptor(MediaTypes.DOCKER_LAYER_GZIP, utf8("expected"));
    when(registry.openBlob(REPO, blob.digest()))
        .thenReturn(new ByteArrayInputStream(utf8("tampered")));

    // when / then
    assertThatThrownBy(() -> copy.copy(REPO, blob, ACTION, new ByteArrayOutputStream(), n -> {}))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("does not match its digest")
        .extracting(e -> ((FerryFailure) e).reasonCode())
        .isEqualTo(ReasonCodes.REJECTED);
  }

  @Test
  void rejectsABlobLongerThanItsManifestSays() {
    // given
    var blob = descriptor(MediaTypes.DOCKER_LAYER_GZIP, utf8("short"));
    when(registry.openBlob(REPO, blob.digest()))
        .thenReturn(new ByteArrayInputStream(utf8("short and then some")));

    // when / then
    assertThatThrownBy(() -> copy.copy(REPO, blob, ACTION, new ByteArrayOutputStream(), n -> {}))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("larger than the 5 bytes");
  }

  @Test
  void reportsABlobThatEndsEarlyAsTransient() {
    // given
    var blob = descriptor(MediaTypes.DOCKER_LAYER_GZIP, utf8("the whole blob"));
    when(registry.openBlob(REPO, blob.digest())).thenReturn(new ByteArrayInputStream(utf8("the")));

    // when / then
    assertThatThrownBy(() -> copy.copy(REPO, blob, ACTION, new ByteArrayOutputStream(), n -> {}))
        .isInstanceOf(TransientFailure.class)
        .hasMessageContaining("after 3 of 14 bytes");
  }

  @Test
  void reportsABrokenRegistryConnectionAsTransient() {
    // given
    var blob = descriptor(MediaTypes.DOCKER_LAYER_GZIP, utf8("the whole blob"));
    when(registry.openBlob(REPO, blob.digest()))
        .thenReturn(
            new FilterInputStream(new ByteArrayInputStream(new byte[0])) {
              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("Connection reset");
              }
            });

    // when / then
    assertThatThrownBy(() -> copy.copy(REPO, blob, ACTION, new ByteArrayOutputStream(), n -> {}))
        .isInstanceOf(TransientFailure.class)
        .hasMessageStartingWith("Could not " + ACTION + ": the connection to the registry broke")
        .hasMessageContaining("Connection reset");
  }

  @Test
  void passesATargetWriteFailureOnAsIoException() {
    // given
    var content = utf8("layer");
    var blob = descriptor(MediaTypes.DOCKER_LAYER_GZIP, content);
    when(registry.openBlob(REPO, blob.digest())).thenReturn(new ByteArrayInputStream(content));
    var full =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        };

    // when / then: the caller, not the copy, knows what a failing target means
    assertThatThrownBy(() -> copy.copy(REPO, blob, ACTION, full, n -> {}))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("No space left on device");
  }

  @Test
  void refusesToReadAConfigLargerThanTheLimit() {
    // given
    var blob = descriptor(MediaTypes.DOCKER_CONFIG, utf8("{\"big\":true}"));

    // when / then
    assertThatThrownBy(() -> copy.readWhole(REPO, blob, ACTION, 4))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("max-config-size");
  }
}
