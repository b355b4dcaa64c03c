package org.ferry.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class ArchiveInspectorTest {

  @TempDir Path dir;

  private final ArchiveInspector inspector = new ArchiveInspector(ArchiveLimits.defaults());

  @Test
  void readsTheRepoTagsAndSizeOfAGzipDockerSaveArchive() {
    // given
    var archive = TestArchive.dockerSave("hello:1").writeGzip(dir.resolve("hello.tar.gz"));
    var tarSize = TestArchive.dockerSave("hello:1").tarBytes().length;

    // when
    var summary = inspector.inspect(archive);

    // then
    assertThat(summary.gzip()).isTrue();
    assertThat(summary.repoTags()).containsExactly("hello:1");
    assertThat(summary.uncompressedSize()).isEqualTo(tarSize);
  }

  @Test
  void tellsHowManyArchiveBytesItHasChecked() throws IOException {
    // given
    var archive = TestArchive.dockerSave("hello:1").writeGzip(dir.resolve("hello.tar.gz"));
    var read = new java.util.concurrent.atomic.AtomicLong();

    // when
    inspector.inspect(archive, read::set);

    // then
    assertThat(read.get()).isEqualTo(Files.size(archive));
  }

  @Test
  void readsAPlainTarArchiveWhateverItsName() throws IOException {
    // given
    var archive = TestArchive.dockerSave("a/b:2", "c:3").writeTar(dir.resolve("hello.tar.gz"));

    // when
    var summary = inspector.inspect(archive);

    // then
    assertThat(summary.gzip()).isFalse();
    assertThat(summary.repoTags()).containsExactly("a/b:2", "c:3");
    assertThat(summary.uncompressedSize()).isEqualTo(Files.size(archive));
  }

  @Test
  void reportsNoRepoTagsForAnImageSavedByItsId() {
    // given
    var archive = TestArchive.dockerSave().writeGzip(dir.resolve("hello.tar.gz"));

    // when
    var summary = inspector.inspect(archive);

    // then
    assertThat(summary.repoTags()).isEmpty();
  }

  @Test
  void acceptsTheInArchiveSymbolicLinksOfDocker25() {
    // given
    var blob = "blobs/sha256/" + "ab".repeat(32);
    var archive =
        new TestArchive()
            .dir("blobs/")
            .dir("blobs/sha256/")
            .file(blob, TestArchive.LAYER_CONTENT)
            .dir(TestArchive.IMAGE_ID + "/")
            .symlink(TestArchive.LAYER, "../" + blob)
            .file(TestArchive.CONFIG, "{}")
            .file("index.json", "{\"schemaVersion\":2,\"manifests\":[]}")
            .file("manifest.json", TestArchive.manifest("hello:1"))
            .file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}")
            .writeGzip(dir.resolve("hello.tar.gz"));

    // when
    var summary = inspector.inspect(archive);

    // then
    assertThat(summary.repoTags()).containsExactly("hello:1");
  }

  @Test
  void acceptsAHardLinkToAnEarlierFile() {
    // given
    var archive =
        TestArchive.dockerSave("hello:1")
            .hardLink("copy-of-layer.tar", TestArchive.LAYER)
            .writeTar(dir.resolve("hello.tar"));

    // when
    var summary = inspector.inspect(archive);

    // then
    assertThat(summary.repoTags()).containsExactly("hello:1");
  }

  @Test
  void rejectsAFileThatIsNeitherGzipNorTar() throws IOException {
    // given
    var archive = Files.writeString(dir.resolve("hello.tar.gz"), "just some text, no archive\n");

    // then
    assertRejected(
        archive,
        "Could not push hello.tar.gz: it is not a gzip or tar archive. Copy the file that docker"
            + " save -o x.tar IMAGE wrote (gzip-compressed or not).");
  }

  @Test
  void rejectsAnEmptyFile() throws IOException {
    // given
    var archive = Files.write(dir.resolve("hello.tar.gz"), new byte[0]);

    // then
    assertRejected(archive, "it is not a gzip or tar archive");
  }

  @Test
  void rejectsGzipThatHoldsNoTar() throws IOException {
    // given
    var archive = dir.resolve("hello.tar.gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(archive))) {
      out.write("plain text, gzip-compressed\n".repeat(100).getBytes(StandardCharsets.UTF_8));
    }

    // then
    assertRejected(archive, "it is gzip-compressed, but what it holds is not a tar archive");
  }

  @Test
  void rejectsCorruptGzipData() throws IOException {
    // given
    var good = Files.readAllBytes(TestArchive.dockerSave("x:1").writeGzip(dir.resolve("g")));
    for (int i = 200; i < good.length - 20; i++) {
      good[i] = (byte) (good[i] ^ 0x5a);
    }
    var archive = Files.write(dir.resolve("hello.tar.gz"), good);

    // then
    assertRejected(archive, "Could not push hello.tar.gz: ");
    assertThatThrownBy(() -> inspector.inspect(archive))
        .hasMessageContaining("Copy the archive again");
  }

  @Test
  void rejectsAGzipArchiveCutShort() throws IOException {
    // given
    var whole = Files.readAllBytes(TestArchive.dockerSave("x:1").writeGzip(dir.resolve("g")));
    var archive = Files.write(dir.resolve("hello.tar.gz"), Arrays.copyOf(whole, whole.length / 2));

    // then
    assertRejected(
        archive,
        "the archive ends early, so it was probably copied only in part. Copy the complete"
            + " archive again.");
  }

  @Test
  void rejectsAPlainTarCutShort() throws IOException {
    // given
    var whole = TestArchive.dockerSave("x:1").tarBytes();
    var archive = Files.write(dir.resolve("hello.tar"), Arrays.copyOf(whole, 3000));

    // then
    assertRejected(archive, "the archive ends early");
  }

  @Test
  void rejectsPathTraversal() {
    // given
    var archive =
        TestArchive.dockerSave("x:1").file("../outside", "x").writeGzip(dir.resolve("x.tar.gz"));

    // then
    assertRejected(archive, "its entry name '../outside' climbs out with '..'");
  }

  @Test
  void rejectsPathTraversalHiddenInsideAName() {
    // given
    var archive =
        TestArchive.dockerSave("x:1")
            .file("a/b/../../../outside", "x")
            .writeGzip(dir.resolve("x.tar.gz"));

    // then
    assertRejected(archive, "climbs out with '..'");
  }

  @Test
  void rejectsAnAbsolutePath() {
    // given
    var archive = absoluteNameArchive(dir.resolve("x.tar"));

    // then
    assertRejected(archive, "its entry name '/etc/cron.d/evil' is an absolute path");
  }

  @Test
  void rejectsASymbolicLinkThatEscapes() {
    // given
    var archive =
        TestArchive.dockerSave("x:1")
            .symlink(TestArchive.IMAGE_ID + "/evil", "../../etc/shadow")
            .writeGzip(dir.resolve("x.tar.gz"));

    // then
    assertRejected(
        archive,
        "its symbolic link '"
            + TestArchive.IMAGE_ID
            + "/evil' points at '../../etc/shadow', outside the archive");
  }

  @Test
  void rejectsASymbolicLinkToAnAbsolutePath() {
    // given
    var archive =
        TestArchive.dockerSave("x:1").symlink("evil", "/etc/shadow").writeGzip(dir.resolve("x"));

    // then
    assertRejected(archive, "points at '/etc/shadow', outside the archive");
  }

  @Test
  void rejectsASymbolicLinkThatClimbsAfterDescending() {
    // given: "a/.." looks harmless lexically, but "a" could itself be a link elsewhere
    var archive =
        TestArchive.dockerSave("x:1").symlink("evil", "a/../..").writeGzip(dir.resolve("x"));

    // then
    assertRejected(archive, "its symbolic link 'evil' points at 'a/../..', outside the archive");
  }

  @Test
  void rejectsAnEntryBeneathASymbolicLink() {
    // given: writing through a link is how a link escapes even when it looks inside
    var archive =
        TestArchive.dockerSave("x:1")
            .file("through/passwd", "x")
            .symlink("through", TestArchive.IMAGE_ID)
            .writeGzip(dir.resolve("x"));

    // then
    assertRejected(archive, "its entry 'through/passwd' lies beneath the symbolic link 'through'");
  }

  @Test
  void rejectsAHardLinkThatEscapes() {
    // given
    var archive =
        TestArchive.dockerSave("x:1")
            .hardLink("evil", "../../etc/shadow")
            .writeGzip(dir.resolve("x"));

    // then
    assertRejected(archive, "its entry hard link target '../../etc/shadow' climbs out with '..'");
  }

  @Test
  void rejectsAHardLinkToAFileOutsideTheArchive() {
    // given
    var archive =
        TestArchive.dockerSave("x:1").hardLink("evil", "etc/shadow").writeGzip(dir.resolve("x"));

    // then
    assertRejected(
        archive,
        "its hard link 'evil' points at 'etc/shadow', which is not a file earlier in the archive");
  }

  @Test
  void rejectsADeviceNode() {
    // given
    var archive =
        TestArchive.dockerSave("x:1")
            .special("dev/sda", TarConstants.LF_BLK)
            .writeGzip(dir.resolve("x"));

    // then
    assertRejected(archive, "its entry 'dev/sda' is a device node");
  }

  @Test
  void rejectsAFifo() {
    // given
    var archive =
        TestArchive.dockerSave("x:1")
            .special("pipe", TarConstants.LF_FIFO)
            .writeGzip(dir.resolve("x"));

    // then
    assertRejected(archive, "its entry 'pipe' is a FIFO");
  }

  @Test
  void rejectsAnArchiveWithTwoImages() {
    // given
    var archive =
        TestArchive.dockerSave("x:1")
            .file(
                "manifest.json",
                "[" + TestArchive.image("a:1") + "," + TestArchive.image("b:1") + "]")
            .writeGzip(dir.resolve("twice.tar.gz"));
    var twoImages =
        new TestArchive()
            .file(TestArchive.CONFIG, "{}")
            .file(
                "manifest.json",
                "[" + TestArchive.image("a:1") + "," + TestArchive.image("b:1") + "]")
            .writeGzip(dir.resolve("hello.tar.gz"));

    // then
    assertRejected(archive, "it holds manifest.json twice");
    assertRejected(
        twoImages,
        "Could not push hello.tar.gz: the archive contains 2 images. Save exactly one image per"
            + " archive (docker save -o x.tar IMAGE).");
  }

  @Test
  void rejectsAnArchiveWithNoImage() {
    // given
    var archive =
        new TestArchive().file("manifest.json", "[]").writeGzip(dir.resolve("hello.tar.gz"));

    // then
    assertRejected(
        archive,
        "Could not push hello.tar.gz: the archive contains 0 images. Save exactly one image per"
            + " archive");
  }

  @Test
  void rejectsAnArchiveWithoutManifest() {
    // given
    var archive =
        new TestArchive()
            .file(TestArchive.LAYER, TestArchive.LAYER_CONTENT)
            .writeGzip(dir.resolve("hello.tar.gz"));

    // then
    assertRejected(
        archive,
        "Could not push hello.tar.gz: it has no manifest.json, so it is not an image saved by"
            + " docker save. Save the image again with docker save -o x.tar IMAGE.");
  }

  @Test
  void rejectsAManifestThatIsNotJson() {
    // given
    var archive =
        new TestArchive().file("manifest.json", "[{\"Config\": ").writeGzip(dir.resolve("h"));

    // then
    assertRejected(archive, "its manifest.json is not valid JSON");
  }

  @Test
  void rejectsAManifestOfTheWrongShape() {
    // given
    var archive =
        new TestArchive()
            .file("manifest.json", "[{\"RepoTags\":[\"x:1\"]}]")
            .writeGzip(dir.resolve("h"));

    // then
    assertRejected(archive, "its manifest.json cannot be read: its image has no Config or Layers");
  }

  @Test
  void rejectsAnOversizedManifest() {
    // given
    var huge = "[" + TestArchive.image("x:1") + "]" + " ".repeat(1024 * 1024);
    var archive = new TestArchive().file("manifest.json", huge).writeGzip(dir.resolve("h"));

    // then
    assertRejected(archive, "its manifest.json is " + huge.length() + " bytes, more than the");
  }

  @Test
  void rejectsMoreEntriesThanTheLimit() {
    // given
    var archive = TestArchive.dockerSave("x:1").writeGzip(dir.resolve("h"));
    var strict = new ArchiveInspector(new ArchiveLimits(5, null, null, null));

    // then
    assertThatThrownBy(() -> strict.inspect(archive))
        .hasMessageContaining("it has more than 5 entries");
  }

  @Test
  void rejectsAnArchiveThatUnpacksBeyondTheSizeLimit() {
    // given
    var archive = TestArchive.dockerSave("x:1").writeGzip(dir.resolve("h"));
    var strict = new ArchiveInspector(new ArchiveLimits(null, null, DataSize.ofKilobytes(4), null));

    // then
    assertThatThrownBy(() -> strict.inspect(archive))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("it unpacks to more than 4 KiB")
        .hasMessageContaining("ferry.archive.max-uncompressed-size");
  }

  @Test
  void rejectsADecompressionBomb() throws IOException {
    // given: 80 MiB of zeros, compressed about a thousand to one
    var archive = dir.resolve("bomb.tar.gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(archive))) {
      writeZeroFileTar(out, 80L * 1024 * 1024);
    }

    // then
    assertRejected(archive, "like a decompression bomb");
  }

  private void assertRejected(Path archive, String message) {
    assertThatThrownBy(() -> inspector.inspect(archive))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining(message)
        .satisfies(
            e ->
                assertThat(((PermanentFailure) e).reasonCode()).isEqualTo(ReasonCodes.BAD_ARCHIVE));
  }

  /** Commons-compress refuses to write absolute names, so this one is patched in by hand. */
  private static Path absoluteNameArchive(Path file) {
    var bytes =
        TestArchive.dockerSave("x:1").file("Xetc/cron.d/evil", "* * * * * root sh").tarBytes();
    var text = new String(bytes, StandardCharsets.ISO_8859_1);
    var at = text.indexOf("Xetc/cron.d/evil");
    bytes[at] = '/';
    // Fix the header checksum (bytes 148-155 of the 512-byte header) for the changed name.
    var header = at - at % 512;
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (bytes[header + i] & 0xff);
    }
    var checksum = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(checksum, 0, bytes, header + 148, 8);
    try {
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void writeZeroFileTar(OutputStream out, long size) throws IOException {
    var tar = new TarArchiveOutputStream(out);
    var entry = new TarArchiveEntry("zeros");
    entry.setSize(size);
    tar.putArchiveEntry(entry);
    var block = new byte[1024 * 1024];
    for (long written = 0; written < size; written += block.length) {
      tar.write(block, 0, (int) Math.min(block.length, size - written));
    }
    tar.closeArchiveEntry();
    tar.finish();
  }
}
