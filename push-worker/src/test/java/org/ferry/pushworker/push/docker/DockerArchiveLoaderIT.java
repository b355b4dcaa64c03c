package org.ferry.pushworker.push.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.ferry.archive.ArchiveLimits;
import org.ferry.archive.RetaggedArchive;
import org.ferry.docker.DockerClients;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.testing.DockerCli;
import org.ferry.testing.LocalServices;
import org.ferry.testing.TestTeams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader against the real Docker daemon: who is to blame when a load fails. */
class DockerArchiveLoaderIT {

  @TempDir Path dir;

  private final AtomicInteger attempts = new AtomicInteger();
  private final Retry retry =
      Retry.of(
          "test",
          RetryConfig.custom()
              .maxAttempts(3)
              .waitDuration(Duration.ofMillis(10))
              .retryExceptions(TransientFailure.class)
              .build());
  private final DockerArchiveLoader loader =
      new DockerArchiveLoader(DockerClients.connect(LocalServices.dockerHost(), null), retry);
  private final ImageRef target =
      new ImageRef(
          LocalServices.registry(), TestTeams.unique("ld"), ImageName.of("loaded"), Tag.of("1"));

  @Test
  void loadsTheArchiveUnderTheTargetNameOnly() throws IOException {
    // given
    var archive = savedImage("ok-" + UUID.randomUUID());

    // when
    var loaded = loader.load("ok.tar", () -> open(archive));

    // then
    assertThat(loaded).containsExactly(target.toString());
    assertThat(DockerCli.run("image", "inspect", target.toString()).ok()).isTrue();
    DockerCli.ok("rmi", target.toString());
  }

  @Test
  void reportsTheRuleTheArchiveBrokeMidStreamAndDoesNotRetry() throws IOException {
    // given: a real docker save with an escaping link after its manifest
    var archive = withTrailingEntry(savedImage("evil-" + UUID.randomUUID()), "evil", "../../etc");

    // when / then
    assertThatThrownBy(() -> loader.load("evil.tar", () -> open(archive)))
        .isInstanceOf(PermanentFailure.class)
        .hasMessage(
            "Could not push evil.tar: its symbolic link 'evil' points at '../../etc', outside the"
                + " archive. Save the image again with docker save -o x.tar IMAGE.");
    assertThat(attempts).hasValue(1);
    assertThat(DockerCli.run("image", "inspect", target.toString()).ok()).isFalse();
  }

  @Test
  void blamesTheArchiveWhenTheDaemonCannotUnpackIt() throws IOException {
    // given: a well-formed archive whose manifest names a layer it does not hold
    var archive = dir.resolve("missing-layer.tar");
    try (var out = new TarArchiveOutputStream(Files.newOutputStream(archive))) {
      add(
          out,
          "cfg.json",
          "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
              + "\"diff_ids\":[\"sha256:"
              + "ab".repeat(32)
              + "\"]}}");
      add(
          out,
          "manifest.json",
          "[{\"Config\":\"cfg.json\",\"RepoTags\":[],\"Layers\":[\"l/layer.tar\"]}]");
    }

    // when / then
    assertThatThrownBy(() -> loader.load("missing-layer.tar", () -> open(archive)))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageStartingWith(
            "Could not push missing-layer.tar: the Docker daemon could not load the image (")
        .hasMessageEndingWith(
            "Save the image again with docker save -o x.tar IMAGE and copy that file.")
        .satisfies(
            e ->
                assertThat(((PermanentFailure) e).reasonCode()).isEqualTo(ReasonCodes.BAD_ARCHIVE));
    assertThat(attempts).hasValue(1);
  }

  private RetaggedArchive open(Path archive) {
    attempts.incrementAndGet();
    return RetaggedArchive.open(archive, target, ArchiveLimits.defaults(), bytes -> {});
  }

  private Path savedImage(String marker) {
    var local = "ferry-it/" + target.namespace() + "-" + marker.substring(0, 4) + ":1";
    DockerCli.build(local, java.util.Map.of("/marker.txt", marker), null);
    var archive = DockerCli.save(local, dir.resolve(marker + ".tar"), false);
    DockerCli.run("rmi", local);
    return archive;
  }

  private Path withTrailingEntry(Path saved, String link, String linkTarget) throws IOException {
    var archive = dir.resolve("evil.tar");
    try (var in = new TarArchiveInputStream(Files.newInputStream(saved));
        var out = new TarArchiveOutputStream(Files.newOutputStream(archive))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putArchiveEntry(entry);
        in.transferTo(out);
        out.closeArchiveEntry();
      }
      var evil = new TarArchiveEntry(link, TarConstants.LF_SYMLINK);
      evil.setLinkName(linkTarget);
      out.putArchiveEntry(evil);
      out.closeArchiveEntry();
    }
    return archive;
  }

  private static void add(TarArchiveOutputStream out, String name, String content)
      throws IOException {
    var bytes = content.getBytes(StandardCharsets.UTF_8);
    var entry = new TarArchiveEntry(name);
    entry.setSize(bytes.length);
    out.putArchiveEntry(entry);
    out.write(bytes);
    out.closeArchiveEntry();
  }
}
