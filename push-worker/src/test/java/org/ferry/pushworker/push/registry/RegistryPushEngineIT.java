package org.ferry.pushworker.push.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.PermanentFailure;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.operation.Progress;
import org.ferry.registry.MediaTypes;
import org.ferry.registry.RegistryClient;
import org.ferry.registry.RegistryRetry;
import org.ferry.registry.Repository;
import org.ferry.testing.DockerCli;
import org.ferry.testing.LocalServices;
import org.ferry.testing.TestTeams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The registry engine against the real registry, checked the way a user would: {@code docker pull}
 * and {@code docker run} of what it pushed.
 */
class RegistryPushEngineIT {

  private static ExecutorService compressors;
  private static RegistryClient registry;
  private final List<ImageRef> pushed = new ArrayList<>();
  private final List<String> stages = new ArrayList<>();
  private final Progress progress = (stage, done, total) -> stages.add(stage);

  @TempDir Path dir;

  @BeforeAll
  static void connect() {
    compressors = Executors.newFixedThreadPool(2);
    registry =
        new RegistryClient(
            LocalServices.pushAccess(), RegistryRetry.create("it", 3, Duration.ofMillis(200)));
    DockerCli.login(LocalServices.pullAccess());
  }

  @AfterAll
  static void stop() {
    compressors.shutdownNow();
  }

  @AfterEach
  void deletePushed() {
    for (var ref : pushed) {
      registry
          .headManifest(Repository.of(ref), ref.tag().value())
          .ifPresent(info -> registry.deleteManifest(Repository.of(ref), info.digest()));
      DockerCli.run("rmi", ref.toString());
    }
  }

  @Test
  void pushesAGzipMultiLayerArchiveCompressedThatPullsAndRuns() throws IOException {
    // given
    var marker = "gzip-" + UUID.randomUUID();
    var archive = save(marker, true);
    var target = target("multi", "v1");

    // small blocks, so each layer of more than 64 KB becomes several gzip members
    var blocks = new RegistryPushProperties(true, 6, DataSize.ofKilobytes(64), 2);

    // when
    var image = engine(blocks).push(archive, target, progress);

    // then
    var manifest = registry.getManifest(Repository.of(target), "v1").orElseThrow();
    assertThat(manifest.digest()).isEqualTo(image.digest());
    assertThat(manifest.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    assertThat(new String(manifest.content())).contains(MediaTypes.DOCKER_LAYER_GZIP);
    assertThat(image.size()).isPositive();
    assertThat(stages).contains("reading", "uploading");
    assertThat(pullAndRun(target)).isEqualTo(marker);
    assertThat(DockerCli.ok("run", "--rm", target.toString(), "cat", "/d/three.txt"))
        .isEqualTo("three");
  }

  @Test
  void pushesAPlainArchiveUncompressedThatPullsAndRuns() throws IOException {
    // given
    var marker = "plain-" + UUID.randomUUID();
    var archive = save(marker, false);
    var target = target("plain", "1.0");

    // when
    var image =
        engine(RegistryPushProperties.defaults().uncompressed()).push(archive, target, progress);

    // then
    var manifest = registry.getManifest(Repository.of(target), "1.0").orElseThrow();
    assertThat(manifest.digest()).isEqualTo(image.digest());
    assertThat(manifest.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    assertThat(new String(manifest.content())).contains(MediaTypes.OCI_LAYER_TAR);
    assertThat(pullAndRun(target)).isEqualTo(marker);
  }

  @Test
  void pushesAnOciLayoutArchiveTwiceSkippingLayersTheRegistryHas() throws IOException {
    // given: the archive Docker 25 and later would save
    var marker = "oci-" + UUID.randomUUID();
    var oci = dir.resolve("oci.tar");
    SavedImages.toOciLayout(save(marker, false), oci);
    var target = target("oci", "1");
    var engine = engine(RegistryPushProperties.defaults().uncompressed());
    var first = engine.push(oci, target, progress);
    stages.clear();

    // when
    var second = engine.push(oci, target, progress);

    // then
    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(stages).as("every layer is already there").doesNotContain("uploading");
    assertThat(pullAndRun(target)).isEqualTo(marker);
  }

  @Test
  void pushesAnOciLayoutArchiveCompressed() throws IOException {
    // given
    var marker = "ocigz-" + UUID.randomUUID();
    var oci = dir.resolve("oci.tar");
    SavedImages.toOciLayout(save(marker, false), oci);
    var gzipped = gzip(oci);
    var target = target("ocigz", "1");

    // when
    engine(RegistryPushProperties.defaults()).push(gzipped, target, progress);

    // then
    assertThat(pullAndRun(target)).isEqualTo(marker);
  }

  @Test
  void pushesTheCompressedLayersOfAnOciLayoutArchiveAsTheyAre() throws IOException {
    // given: an OCI layout whose layer blobs are gzip-compressed, named by their own digest
    var marker = "ocicompressed-" + UUID.randomUUID();
    var oci = dir.resolve("oci.tar");
    SavedImages.toOciLayout(save(marker, false), oci, true);
    var target = target("ocicompressed", "1");
    var engine = engine(RegistryPushProperties.defaults().uncompressed());

    // when
    var first = engine.push(oci, target, progress);
    stages.clear();
    var second = engine.push(oci, target, progress);

    // then
    var manifest = registry.getManifest(Repository.of(target), "1").orElseThrow();
    assertThat(new String(manifest.content()))
        .contains(MediaTypes.OCI_LAYER_GZIP)
        .doesNotContain(MediaTypes.OCI_LAYER_TAR + "\"");
    assertThat(SavedImages.blobNames(oci))
        .as("the layers keep the digests they have in the archive")
        .allSatisfy(blob -> assertThat(new String(manifest.content())).contains(blob));
    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(stages).as("every layer is already there").doesNotContain("uploading");
    assertThat(pullAndRun(target)).isEqualTo(marker);
  }

  @Test
  void pushingTheSameArchiveTwiceGivesTheSameDigest() throws IOException {
    // given
    var archive = save("twice-" + UUID.randomUUID(), true);
    var target = target("twice", "1");
    var engine = engine(RegistryPushProperties.defaults());
    var first = engine.push(archive, target, progress);

    // when
    var second = engine.push(archive, target, progress);

    // then: the block-wise gzip depends only on the bytes, so the blobs and manifest repeat
    assertThat(second).isEqualTo(first);
    assertThat(registry.headManifest(Repository.of(target), "1").orElseThrow().digest())
        .isEqualTo(first.digest());
  }

  @Test
  void refusesAnArchiveWhoseLayersDoNotMatchItsConfigAndTagsNothing() throws IOException {
    // given: the layers listed in another order than the config's diff_ids
    var saved = save("mixed-" + UUID.randomUUID(), false);
    assertThat(SavedImages.layerCount(saved)).isGreaterThan(2);
    var mixed = dir.resolve("mixed.tar");
    SavedImages.withLayersReversed(saved, mixed);
    var target = target("mixed", "1");

    // when / then
    assertThatThrownBy(
            () -> engine(RegistryPushProperties.defaults()).push(mixed, target, progress))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("its layers do not match the layer digests its config lists");
    assertThat(registry.tags(Repository.of(target))).isEmpty();
  }

  @Test
  void abandonsTheUploadWhenTheArchiveBreaksOffInALayerAndTagsNothing() throws IOException {
    // given: an archive cut inside a layer, as a NAS that fails during the read leaves it
    var saved = save("cut-" + UUID.randomUUID(), false);
    var bytes = Files.readAllBytes(saved);
    var cut = Files.write(dir.resolve("cut.tar"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    var target = target("cut", "1");

    // when / then: a failure, not a hang and not a half layer
    assertTimeoutPreemptively(
        Duration.ofMinutes(2),
        () ->
            assertThatThrownBy(
                    () -> engine(RegistryPushProperties.defaults()).push(cut, target, progress))
                .isInstanceOf(FerryFailure.class)
                .hasMessageContaining("the archive could not be read"));
    assertThat(registry.tags(Repository.of(target))).isEmpty();
  }

  private RegistryPushEngine engine(RegistryPushProperties properties) {
    return RegistryPushConfiguration.create(registry, properties, compressors);
  }

  private ImageRef target(String name, String tag) {
    var ref =
        new ImageRef(
            LocalServices.registry(), TestTeams.unique("rp"), ImageName.of(name), Tag.of(tag));
    pushed.add(ref);
    return ref;
  }

  private Path save(String marker, boolean gzip) throws IOException {
    var local = "ferry-it/registry-engine-" + UUID.randomUUID() + ":1";
    SavedImages.buildMultiLayer(local, marker);
    var archive = DockerCli.save(local, dir.resolve(gzip ? "saved.tar.gz" : "saved.tar"), gzip);
    DockerCli.run("rmi", local);
    return archive;
  }

  private Path gzip(Path plain) throws IOException {
    var target = dir.resolve(plain.getFileName() + ".gz");
    try (var in = Files.newInputStream(plain);
        var out = new GZIPOutputStream(Files.newOutputStream(target))) {
      in.transferTo(out);
    }
    return target;
  }

  private static String pullAndRun(ImageRef target) {
    var pull = DockerCli.run("pull", target.toString());
    assertThat(pull.ok()).as(pull.output()).isTrue();
    return DockerCli.ok("run", "--rm", target.toString());
  }
}
