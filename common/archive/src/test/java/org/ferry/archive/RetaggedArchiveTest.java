package org.ferry.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetaggedArchiveTest {

  private static final ImageRef TARGET =
      new ImageRef("127.0.0.1:5000", Team.of("team-a"), ImageName.of("hello"), Tag.of("v1"));
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void namesTheImageOnlyByTheTargetReference() throws IOException {
    // given
    var archive =
        TestArchive.dockerSave("127.0.0.1:5000/team-b/x:1", "team-b/x:1")
            .writeGzip(dir.resolve("hello.tar.gz"));

    // when
    var entries = readAll(archive);

    // then
    var manifest = JSON.readTree(entries.get("manifest.json"));
    assertThat(manifest).hasSize(1);
    assertThat(manifest.get(0).get("RepoTags").toString())
        .isEqualTo("[\"127.0.0.1:5000/team-a/hello:v1\"]");
    assertThat(manifest.get(0).get("Config").asText()).isEqualTo(TestArchive.CONFIG);
    assertThat(manifest.get(0).get("Layers").get(0).asText()).isEqualTo(TestArchive.LAYER);
  }

  @Test
  void namesAnImageSavedWithoutRepoTags() throws IOException {
    // given
    var archive = TestArchive.dockerSave().writeGzip(dir.resolve("hello.tar.gz"));

    // when
    var entries = readAll(archive);

    // then
    assertThat(JSON.readTree(entries.get("manifest.json")).get(0).get("RepoTags").toString())
        .isEqualTo("[\"127.0.0.1:5000/team-a/hello:v1\"]");
  }

  @Test
  void dropsTheLegacyRepositoriesFile() throws IOException {
    // given
    var archive = TestArchive.dockerSave("team-b/x:1").writeGzip(dir.resolve("hello.tar.gz"));

    // when
    var entries = readAll(archive);

    // then
    assertThat(entries).doesNotContainKey("repositories");
    assertThat(new String(TestArchive.dockerSave("team-b/x:1").tarBytes(), StandardCharsets.UTF_8))
        .contains("repositories");
  }

  @Test
  void keepsEveryOtherEntryAsItWas() throws IOException {
    // given
    var archive = TestArchive.dockerSave("x:1").writeGzip(dir.resolve("hello.tar.gz"));

    // when
    var entries = readAll(archive);

    // then
    assertThat(entries.keySet())
        .containsExactly(
            TestArchive.IMAGE_ID + "/",
            TestArchive.IMAGE_ID + "/VERSION",
            TestArchive.IMAGE_ID + "/json",
            TestArchive.LAYER,
            TestArchive.CONFIG,
            "manifest.json");
    assertThat(entries.get(TestArchive.LAYER)).isEqualTo(TestArchive.LAYER_CONTENT);
    assertThat(entries.get(TestArchive.IMAGE_ID + "/VERSION")).isEqualTo("1.0".getBytes());
  }

  @Test
  void writesAPlainTarFromAPlainTar() throws IOException {
    // given
    var archive = TestArchive.dockerSave("x:1").writeTar(dir.resolve("hello.tar"));

    // when
    var entries = readAll(archive);

    // then
    assertThat(entries.get(TestArchive.LAYER)).isEqualTo(TestArchive.LAYER_CONTENT);
    assertThat(JSON.readTree(entries.get("manifest.json")).get(0).get("RepoTags").get(0).asText())
        .isEqualTo(TARGET.toString());
  }

  @Test
  void keepsInArchiveSymbolicLinks() throws IOException {
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
            .file("manifest.json", TestArchive.manifest("x:1"))
            .writeGzip(dir.resolve("hello.tar.gz"));

    // when
    var links = new LinkedHashMap<String, String>();
    try (var tar = new TarArchiveInputStream(open(archive))) {
      for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isSymbolicLink()) {
          links.put(entry.getName(), entry.getLinkName());
        }
      }
    }

    // then
    assertThat(links).containsExactly(Map.entry(TestArchive.LAYER, "../" + blob));
  }

  @Test
  void pointsTheOciIndexNamesAtTheTarget() throws IOException {
    // given
    var index =
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest"
            + ".v1+json\",\"digest\":\"sha256:"
            + "cd".repeat(32)
            + "\",\"size\":400,\"annotations\":{\"io.containerd.image.name\":"
            + "\"docker.io/team-b/x:1\",\"org.opencontainers.image.ref.name\":\"1\"}}]}";
    var archive =
        TestArchive.dockerSave("team-b/x:1")
            .file("index.json", index)
            .writeGzip(dir.resolve("hello.tar.gz"));

    // when
    var entries = readAll(archive);

    // then
    var annotations =
        JSON.readTree(entries.get("index.json")).get("manifests").get(0).get("annotations");
    assertThat(annotations.get("io.containerd.image.name").asText()).isEqualTo(TARGET.toString());
    assertThat(annotations.get("org.opencontainers.image.ref.name").asText()).isEqualTo("v1");
  }

  @Test
  void reportsTheArchiveBytesItReads() throws IOException {
    // given
    var archive = TestArchive.dockerSave("x:1").writeGzip(dir.resolve("hello.tar.gz"));
    var read = new AtomicLong();

    // when
    try (var stream = RetaggedArchive.open(archive, TARGET, ArchiveLimits.defaults(), read::set)) {
      stream.transferTo(java.io.OutputStream.nullOutputStream());
    }

    // then
    assertThat(read.get()).isEqualTo(Files.size(archive));
  }

  @Test
  void streamsALargeEntryInSmallPiecesWithoutReadingAheadOfTheCaller() throws IOException {
    // given: a 32 MiB layer; the first kilobyte must come out after reading little of the file
    var layer = new byte[32 * 1024 * 1024];
    new java.util.Random(7).nextBytes(layer);
    var archive =
        new TestArchive()
            .file(TestArchive.LAYER, layer)
            .file(TestArchive.CONFIG, "{}")
            .file("manifest.json", TestArchive.manifest("x:1"))
            .writeTar(dir.resolve("big.tar"));
    var read = new AtomicLong();

    // when
    try (var stream = RetaggedArchive.open(archive, TARGET, ArchiveLimits.defaults(), read::set)) {
      var first = stream.readNBytes(1024);

      // then
      assertThat(first).hasSize(1024);
      assertThat(read.get()).isLessThan(2L * 1024 * 1024);
    }
  }

  @Test
  void endsTheStreamWithTheFailureWhenAnEntryBreaksTheRules() throws IOException {
    // given
    var archive =
        TestArchive.dockerSave("x:1")
            .symlink("evil", "../../etc/shadow")
            .writeGzip(dir.resolve("hello.tar.gz"));

    // when
    var stream = RetaggedArchive.open(archive, TARGET, ArchiveLimits.defaults(), bytes -> {});

    // then
    assertThatThrownBy(() -> stream.transferTo(java.io.OutputStream.nullOutputStream()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("its symbolic link 'evil' points at '../../etc/shadow'");
    assertThat(stream.failure())
        .hasValueSatisfying(
            failure ->
                assertThat(failure.getMessage())
                    .startsWith("Could not push hello.tar.gz: its symbolic link 'evil'"));
    stream.close();
  }

  @Test
  void writesTheManifestsLastWhereverTheArchiveHadThem() throws IOException {
    // given: manifest.json and index.json first, before the layers
    var archive =
        new TestArchive()
            .file("manifest.json", TestArchive.manifest("x:1"))
            .file("index.json", "{\"schemaVersion\":2,\"manifests\":[]}")
            .file(TestArchive.LAYER, TestArchive.LAYER_CONTENT)
            .file(TestArchive.CONFIG, "{}")
            .writeGzip(dir.resolve("hello.tar.gz"));

    // when
    var entries = readAll(archive);

    // then
    assertThat(entries.keySet())
        .containsExactly(TestArchive.LAYER, TestArchive.CONFIG, "manifest.json", "index.json");
  }

  @Test
  void neverLetsAManifestOutOfAStreamThatBreaksTheRules() throws IOException {
    // given: a violation after the manifest, where a daemon could take the cut for the end
    var archive =
        TestArchive.dockerSave("x:1")
            .file("later/layer.tar", TestArchive.LAYER_CONTENT)
            .symlink("evil", "/etc/shadow")
            .writeTar(dir.resolve("hello.tar"));
    var emitted = new java.io.ByteArrayOutputStream();

    // when
    try (var stream =
        RetaggedArchive.open(archive, TARGET, ArchiveLimits.defaults(), bytes -> {})) {
      var buffer = new byte[4096];
      assertThatThrownBy(
              () -> {
                for (var n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                  emitted.write(buffer, 0, n);
                }
              })
          .isInstanceOf(IOException.class);
    }

    // then
    var names = new ArrayList<String>();
    try (var tar = new TarArchiveInputStream(new ByteArrayInputStream(emitted.toByteArray()))) {
      for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        names.add(entry.getName());
      }
    } catch (IOException partial) {
      // The cut may fall inside an entry; the names read so far are what a daemon saw.
    }
    assertThat(names).contains(TestArchive.LAYER).doesNotContain("manifest.json");
  }

  @Test
  void refusesAnArchiveWithTwoImagesWhileStreaming() {
    // given
    var archive =
        new TestArchive()
            .file(
                "manifest.json",
                "[" + TestArchive.image("a:1") + "," + TestArchive.image("b:1") + "]")
            .writeGzip(dir.resolve("hello.tar.gz"));

    // when
    var stream = RetaggedArchive.open(archive, TARGET, ArchiveLimits.defaults(), bytes -> {});

    // then
    assertThatThrownBy(() -> stream.readAllBytes())
        .hasMessageContaining("the archive contains 2 images");
    assertThat(stream.failure()).isPresent();
  }

  private static Map<String, byte[]> readAll(Path archive) throws IOException {
    var entries = new LinkedHashMap<String, byte[]>();
    try (var tar = new TarArchiveInputStream(open(archive))) {
      for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        entries.put(entry.getName(), tar.readAllBytes());
      }
    }
    return entries;
  }

  /** The whole re-streamed tar, read in odd-sized pieces as a daemon's socket might. */
  private static InputStream open(Path archive) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    try (var stream = RetaggedArchive.open(archive, TARGET, ArchiveLimits.defaults(), b -> {})) {
      var buffer = new byte[777];
      for (var n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
        out.write(buffer, 0, n);
      }
    }
    var bytes = out.toByteArray();
    assertThat(bytes[0]).isNotEqualTo((byte) 0x1f);
    assertThat(new String(bytes, 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
    return new ByteArrayInputStream(bytes);
  }
}
