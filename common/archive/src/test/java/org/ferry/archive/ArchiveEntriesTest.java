package org.ferry.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.ferry.archive.ArchiveEntry.Kind;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class ArchiveEntriesTest {

  private static final String OTHER_ID = "ab".repeat(32);
  private static final String BLOB = "blobs/sha256/" + "cd".repeat(32);

  @TempDir Path dir;

  @Test
  void streamsEveryEntryWithItsNormalizedPathKindAndContent() throws IOException {
    // given
    var archive = TestArchive.dockerSave("hello:1").writeGzip(dir.resolve("hello.tar.gz"));

    // when
    var seen = new LinkedHashMap<String, Kind>();
    byte[] layer = null;
    try (var entries = open(archive)) {
      for (var entry = entries.next(); entry != null; entry = entries.next()) {
        seen.put(entry.path(), entry.kind());
        if (entry.path().equals(TestArchive.LAYER)) {
          assertThat(entry.size()).isEqualTo(TestArchive.LAYER_CONTENT.length);
          layer = entry.content().readAllBytes();
        }
      }
      assertThat(entries.gzip()).isTrue();
    }

    // then
    assertThat(seen)
        .containsEntry(TestArchive.IMAGE_ID, Kind.DIRECTORY)
        .containsEntry(TestArchive.LAYER, Kind.FILE)
        .containsEntry("manifest.json", Kind.FILE);
    assertThat(layer).isEqualTo(TestArchive.LAYER_CONTENT);
  }

  @Test
  void resolvesALegacyLayerSymlinkToTheLayerItSharesWith() throws IOException {
    // given: docker save links a layer that two image folders share to the first one's layer.tar
    var archive =
        TestArchive.dockerSave("hello:1")
            .dir(OTHER_ID + "/")
            .symlink(OTHER_ID + "/layer.tar", "../" + TestArchive.LAYER)
            .writeTar(dir.resolve("hello.tar"));

    // when
    var links = new LinkedHashMap<String, String>();
    String resolved;
    try (var entries = open(archive)) {
      for (var entry = entries.next(); entry != null; entry = entries.next()) {
        if (entry.kind() == Kind.SYMBOLIC_LINK) {
          links.put(entry.path(), entry.linkTarget().orElseThrow());
          assertThat(entry.content().read()).isEqualTo(-1);
        }
      }
      resolved = entries.resolve("./" + OTHER_ID + "/layer.tar");
    }

    // then
    assertThat(links).containsExactly(Map.entry(OTHER_ID + "/layer.tar", TestArchive.LAYER));
    assertThat(resolved).isEqualTo(TestArchive.LAYER);
  }

  @Test
  void followsChainedLinksToTheBlobOfTheOciLayout() {
    // given: a layer linked to a second link that points at the blob, and a hard link to it
    var archive =
        new TestArchive()
            .dir("blobs/sha256/")
            .file(BLOB, TestArchive.LAYER_CONTENT)
            .symlink(OTHER_ID + "/layer.tar", "../" + BLOB)
            .symlink(TestArchive.LAYER, "../" + OTHER_ID + "/layer.tar")
            .hardLink("copy.tar", BLOB)
            .file("manifest.json", TestArchive.manifest("hello:1"))
            .writeTar(dir.resolve("oci.tar"));

    // when
    try (var entries = drained(archive)) {

      // then
      assertThat(entries.resolve(TestArchive.LAYER)).isEqualTo(BLOB);
      assertThat(entries.resolve("copy.tar")).isEqualTo(BLOB);
      assertThat(entries.resolve("manifest.json")).isEqualTo("manifest.json");
      assertThat(entries.resolve("../" + BLOB)).as("names nothing").isEqualTo("../" + BLOB);
    }
  }

  @Test
  void leavesLinksThatRunInACircleUnresolved() {
    // given
    var archive =
        new TestArchive()
            .symlink("a/layer.tar", "../b/layer.tar")
            .symlink("b/layer.tar", "../a/layer.tar")
            .writeTar(dir.resolve("circle.tar"));

    // when
    try (var entries = drained(archive)) {

      // then
      assertThat(entries.resolve("a/layer.tar")).isEqualTo("a/layer.tar");
    }
  }

  @Test
  void rejectsASymbolicLinkThatEscapesWhenItPasses() {
    // given
    var archive =
        TestArchive.dockerSave("hello:1")
            .symlink(OTHER_ID + "/layer.tar", "../../etc/shadow")
            .file("after", "never reached")
            .writeTar(dir.resolve("escape.tar"));
    var seen = new ArrayList<String>();

    // when / then
    assertThatThrownBy(() -> readAll(archive, seen))
        .isInstanceOf(PermanentFailure.class)
        .hasMessage(
            "Could not push escape.tar: its symbolic link '"
                + OTHER_ID
                + "/layer.tar' points at '../../etc/shadow', outside the archive."
                + " Save the image again with docker save -o x.tar IMAGE.");
    assertThat(seen).doesNotContain(OTHER_ID + "/layer.tar", "after");
  }

  @Test
  void rejectsPathTraversalAndDeviceNodesAsTheyPass() {
    // given
    var traversal = new TestArchive().file("../evil", "x").writeTar(dir.resolve("traversal.tar"));
    var device =
        new TestArchive()
            .special("dev/null", TarConstants.LF_CHR)
            .writeTar(dir.resolve("device.tar"));

    // when / then
    assertThatThrownBy(() -> readAll(traversal, new ArrayList<>()))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("climbs out with '..'");
    assertThatThrownBy(() -> readAll(device, new ArrayList<>()))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("is a device node");
  }

  @Test
  void rejectsAnEntryBeneathALinkThatCameLaterOnceTheArchiveEnds() {
    // given
    var archive =
        new TestArchive()
            .file("a/b/file", "x")
            .symlink("a/b", "../c")
            .writeTar(dir.resolve("beneath.tar"));
    var seen = new ArrayList<String>();

    // when / then
    assertThatThrownBy(() -> readAll(archive, seen))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("lies beneath the symbolic link 'a/b'");
    assertThat(seen).containsExactly("a/b/file", "a/b");
  }

  @Test
  void rejectsATruncatedArchiveInsideAnEntrysContent() throws IOException {
    // given: a plain tar cut in the middle of its layer
    var bytes = TestArchive.dockerSave("hello:1").tarBytes();
    var cut = Files.write(dir.resolve("cut.tar"), Arrays.copyOf(bytes, 4096));

    // when / then: the layer's content breaks off
    try (var entries = open(cut)) {
      var layer = entries.next();
      while (!layer.path().equals(TestArchive.LAYER)) {
        layer = entries.next();
      }
      var content = layer.content();
      assertThatThrownBy(content::readAllBytes).isInstanceOf(IOException.class);
    }
  }

  @Test
  void rejectsATruncatedArchiveThatEndsAtAnEntryBoundary() throws IOException {
    // given: a tar whose end marker is missing, as a copy stopped between entries leaves it
    var bytes = TestArchive.dockerSave("hello:1").tarBytes();
    var cut = Files.write(dir.resolve("cut.tar"), Arrays.copyOf(bytes, bytes.length - 1024));

    // when / then
    assertThatThrownBy(() -> readAll(cut, new ArrayList<>()))
        .isInstanceOf(PermanentFailure.class)
        .hasMessage(
            "Could not push cut.tar: the archive ends early, so it was probably copied only in"
                + " part. Copy the complete archive again.");
  }

  @Test
  void stopsReadingContentThatUnpacksBeyondTheLimit() {
    // given
    var limits = new ArchiveLimits(null, null, DataSize.ofKilobytes(6), null);
    var archive =
        new TestArchive()
            .file("a", new byte[3000])
            .file("b", new byte[3000])
            .writeTar(dir.resolve("big.tar"));

    // when / then
    assertThatThrownBy(
            () -> {
              try (var entries = ArchiveEntries.open(archive, limits, read -> {})) {
                for (var entry = entries.next(); entry != null; entry = entries.next()) {
                  entry.content().readAllBytes();
                }
              }
            })
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("it unpacks to more than 6 KiB")
        .extracting(failure -> ((PermanentFailure) failure).reasonCode())
        .isEqualTo(ReasonCodes.BAD_ARCHIVE);
  }

  @Test
  void refusesToReadAnEntrysContentAfterTheNextEntry() throws IOException {
    // given
    var archive = TestArchive.dockerSave("hello:1").writeTar(dir.resolve("hello.tar"));

    try (var entries = open(archive)) {
      var first = entries.next();
      while (!first.isFile()) {
        first = entries.next();
      }

      // when
      entries.next();

      // then
      assertThatThrownBy(first.content()::read).isInstanceOf(IllegalStateException.class);
      var stale = first;
      assertThatThrownBy(() -> entries.readSmall(stale)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void countsEveryByteOfTheFileByTheEnd() throws IOException {
    // given
    var archive = TestArchive.dockerSave("hello:1").writeGzip(dir.resolve("hello.tar.gz"));
    var read = new AtomicLong();

    // when
    try (var entries = ArchiveEntries.open(archive, ArchiveLimits.defaults(), read::set)) {
      while (entries.next() != null) {
        // skipping every entry's content
      }

      // then
      assertThat(read.get()).isEqualTo(Files.size(archive));
      assertThat(entries.uncompressedBytes())
          .isEqualTo(TestArchive.dockerSave("hello:1").tarBytes().length);
    }
  }

  @Test
  void readsASmallJsonEntryWhole() throws IOException {
    // given
    var archive = TestArchive.dockerSave("hello:1").writeTar(dir.resolve("hello.tar"));

    // when
    String manifest = null;
    try (var entries = open(archive)) {
      for (var entry = entries.next(); entry != null; entry = entries.next()) {
        if (entry.path().equals("manifest.json")) {
          manifest = new String(entries.readSmall(entry), StandardCharsets.UTF_8);
        }
      }
    }

    // then
    assertThat(manifest).isEqualTo(TestArchive.manifest("hello:1"));
  }

  private static ArchiveEntries open(Path archive) {
    return ArchiveEntries.open(archive, ArchiveLimits.defaults(), read -> {});
  }

  private static ArchiveEntries drained(Path archive) {
    var entries = open(archive);
    while (entries.next() != null) {
      // every link is known once the archive ended
    }
    return entries;
  }

  private static void readAll(Path archive, List<String> seen) throws IOException {
    try (var entries = open(archive)) {
      for (var entry = entries.next(); entry != null; entry = entries.next()) {
        seen.add(entry.path());
        entry.content().readAllBytes();
      }
    }
  }
}
