package org.ferry.exportworker.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.exportworker.export.ExportWorker.names;
import static org.ferry.exportworker.export.ExportWorker.request;
import static org.ferry.exportworker.export.ExportWorker.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.ferry.contract.OperationFailed;
import org.ferry.contract.OperationSucceeded;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.messaging.MessagePublisher;
import org.ferry.testing.DockerCli;
import org.ferry.testing.TestTeams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Exports through the real broker from the real registry to a NAS folder, then loads and runs the
 * archive with the real Docker daemon, as a user would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(OperationEvents.Config.class)
@DirtiesContext // its worker must not take the requests of the other tests' workers
class ExportImageIT {

  private static final Path NAS = ExportWorker.newNas();
  private static final TestImages IMAGES = new TestImages();

  @Autowired MessagePublisher publisher;
  @Autowired OperationEvents events;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ExportWorker.properties(registry, NAS);
  }

  @AfterAll
  static void cleanUp() {
    IMAGES.deleteAll();
    ExportWorker.deleteTree(NAS);
  }

  @Test
  void exportsATeamImageThatDockerLoadsAndRuns() {
    // given
    var team = TestTeams.unique("ea");
    var exported = ExportWorker.teamFolders(NAS, team);
    var marker = marker();
    var image = IMAGES.pushWithMarker(team, "hello", "v1", marker);
    var request = request(team, image, "hello-copy", false);

    // when
    publisher.publish(request);
    var terminal = events.awaitTerminal(request.operationId());

    // then
    assertThat(terminal).isInstanceOf(OperationSucceeded.class);
    var result = ((OperationSucceeded) terminal).result();
    var archive = exported.resolve("hello-copy.tar.gz");
    assertThat(names(exported)).containsExactly("hello-copy.tar.gz", "hello-copy.tar.gz.sha256");
    assertThat(result)
        .containsEntry("path", "exported-images/hello-copy.tar.gz")
        .containsEntry("size", Long.toString(size(archive)))
        .containsEntry("reference", image.toString())
        .containsEntry("loadsAs", team + "/hello:v1");
    assertThat(result.get("digest")).startsWith("sha256:");
    assertThat(((OperationSucceeded) terminal).message())
        .startsWith(
            "Exported " + team + "/hello:v1 to " + team + "/exported-images/hello-copy.tar.gz (")
        .contains("sha256 " + result.get("sha256"))
        .endsWith("docker load -i loads it as " + team + "/hello:v1.");
    var checked = run(exported, "sha256sum", "-c", "hello-copy.tar.gz.sha256");
    assertThat(checked.exitCode()).as(checked.output()).isZero();
    assertThat(checked.output()).isEqualTo("hello-copy.tar.gz: OK");
    assertThat(run(exported, "gzip", "-t", "hello-copy.tar.gz").exitCode()).isZero();
    assertThat(loadAndRun(archive, team + "/hello:v1")).isEqualTo(marker);
    var progress = events.progress(request.operationId());
    assertThat(progress).isNotEmpty().allMatch(p -> p.stage().label().equals("downloading"));
    var last = progress.get(progress.size() - 1);
    assertThat(last.done()).isEqualTo(last.total()).isPositive();
  }

  @Test
  void exportsACommonImageForAnyTeam() {
    // given
    var teamA = TestTeams.unique("ea");
    var teamB = TestTeams.unique("eb");
    var exportedA = ExportWorker.teamFolders(NAS, teamA);
    var exportedB = ExportWorker.teamFolders(NAS, teamB);
    var marker = marker();
    var name = TestTeams.unique("common").value();
    var image = IMAGES.pushWithMarker(Team.COMMON, name, "v1", marker);
    var forA = request(teamA, image, "shared", false);
    var forB = request(teamB, image, "shared", false);

    // when
    publisher.publish(forA);
    publisher.publish(forB);

    // then
    assertThat(events.awaitTerminal(forA.operationId())).isInstanceOf(OperationSucceeded.class);
    assertThat(events.awaitTerminal(forB.operationId())).isInstanceOf(OperationSucceeded.class);
    assertThat(names(exportedA)).containsExactly("shared.tar.gz", "shared.tar.gz.sha256");
    assertThat(run(exportedB, "sha256sum", "-c", "shared.tar.gz.sha256").exitCode()).isZero();
    assertThat(loadAndRun(exportedB.resolve("shared.tar.gz"), "common/" + name + ":v1"))
        .isEqualTo(marker);
  }

  @Test
  void refusesAnotherTeamsImage() {
    // given
    var teamA = TestTeams.unique("ea");
    var teamB = TestTeams.unique("eb");
    var exportedA = ExportWorker.teamFolders(NAS, teamA);
    ExportWorker.teamFolders(NAS, teamB);
    var theirs = IMAGES.pushWithMarker(teamB, "secret", "v1", marker());
    var request = request(teamA, theirs, "stolen", false);

    // when
    publisher.publish(request);
    var terminal = events.awaitTerminal(request.operationId());

    // then
    assertThat(terminal).isInstanceOf(OperationFailed.class);
    assertThat(((OperationFailed) terminal).reason().label()).isEqualTo(ReasonCodes.FORBIDDEN);
    assertThat(((OperationFailed) terminal).message())
        .isEqualTo(
            "Could not export "
                + teamB
                + "/secret:v1: images of other teams cannot be exported. Export one of your"
                + " team's images or a common one.");
    assertThat(names(exportedA)).isEmpty();
  }

  @Test
  void keepsAnExistingExportUnlessTheRequestSaysOverwrite() throws IOException {
    // given
    var team = TestTeams.unique("ea");
    var exported = ExportWorker.teamFolders(NAS, team);
    var first = IMAGES.pushWithMarker(team, "app", "v1", marker());
    var secondMarker = marker();
    var second = IMAGES.pushWithMarker(team, "app", "v2", secondMarker);
    var initial = request(team, first, "app-export", false);
    publisher.publish(initial);
    assertThat(events.awaitTerminal(initial.operationId())).isInstanceOf(OperationSucceeded.class);
    var archive = exported.resolve("app-export.tar.gz");
    var before = Files.readAllBytes(archive);
    var checksumBefore = Files.readString(exported.resolve("app-export.tar.gz.sha256"));

    // when
    var refused = request(team, second, "app-export", false);
    publisher.publish(refused);
    var refusal = events.awaitTerminal(refused.operationId());

    // then
    assertThat(refusal).isInstanceOf(OperationFailed.class);
    assertThat(((OperationFailed) refusal).reason().label()).isEqualTo(ReasonCodes.CONFLICT);
    assertThat(((OperationFailed) refusal).message())
        .isEqualTo(
            "Could not export "
                + team
                + "/app:v2: "
                + team
                + "/exported-images/app-export.tar.gz already exists. Choose another export name"
                + " or ask to overwrite it.");
    assertThat(Files.readAllBytes(archive)).isEqualTo(before);
    assertThat(exported.resolve("app-export.tar.gz.sha256")).hasContent(checksumBefore.strip());
    assertThat(names(exported)).containsExactly("app-export.tar.gz", "app-export.tar.gz.sha256");

    // when
    var overwrite = request(team, second, "app-export", true);
    publisher.publish(overwrite);
    var replaced = events.awaitTerminal(overwrite.operationId());

    // then
    assertThat(replaced).isInstanceOf(OperationSucceeded.class);
    assertThat(((OperationSucceeded) replaced).message())
        .contains("it replaced the earlier export");
    assertThat(Files.readAllBytes(archive)).isNotEqualTo(before);
    assertThat(run(exported, "sha256sum", "-c", "app-export.tar.gz.sha256").exitCode()).isZero();
    assertThat(names(exported)).containsExactly("app-export.tar.gz", "app-export.tar.gz.sha256");
    assertThat(loadAndRun(archive, team + "/app:v2")).isEqualTo(secondMarker);
  }

  @Test
  void reportsAMissingTagAndLeavesNoFile() {
    // given
    var team = TestTeams.unique("ea");
    var exported = ExportWorker.teamFolders(NAS, team);
    var image = IMAGES.pushWithMarker(team, "hello", "v1", marker());
    var request = request(team, image.withTag(Tag.of("no-such-tag")), "missing", false);

    // when
    publisher.publish(request);
    var terminal = events.awaitTerminal(request.operationId());

    // then
    assertThat(terminal).isInstanceOf(OperationFailed.class);
    assertThat(((OperationFailed) terminal).reason().label()).isEqualTo(ReasonCodes.NOT_FOUND);
    assertThat(((OperationFailed) terminal).message())
        .isEqualTo(
            "Could not export "
                + team
                + "/hello:no-such-tag: the registry has no image "
                + team
                + "/hello with the tag no-such-tag. Choose an image and tag from the image list.");
    assertThat(names(exported)).isEmpty();
  }

  @Test
  void reportsAFullDiskAndLeavesNoTemporaryOrPartialFile() {
    // given: the team's exported-images is a 1 MiB file system, the image's layer 4 MiB
    var team = TestTeams.unique("ea");
    var exported = ExportWorker.teamFolders(NAS, team);
    var image = IMAGES.pushWithRandomLayer(team, "big", "v1", marker(), 4);
    var mount = run(NAS, "mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", exported.toString());
    assertThat(mount.exitCode())
        .as("mounting a small tmpfs to fill up (needs root): " + mount.output())
        .isZero();
    try {
      var request = request(team, image, "big-export", false);

      // when
      publisher.publish(request);
      var terminal = events.awaitTerminal(request.operationId());

      // then
      assertThat(terminal).isInstanceOf(OperationFailed.class);
      assertThat(((OperationFailed) terminal).reason().label()).isEqualTo(ReasonCodes.NO_SPACE);
      assertThat(((OperationFailed) terminal).message())
          .isEqualTo(
              "Could not export "
                  + team
                  + "/big:v1: the team's NAS folder is full. Free space in "
                  + team
                  + "/exported-images and try again.");
      assertThat(names(exported)).isEmpty();
      var used = run(NAS, "df", "--output=used", "-B1", exported.toString()).output();
      assertThat(used.substring(used.lastIndexOf('\n') + 1).strip()).isEqualTo("0");
    } finally {
      var unmount = run(NAS, "umount", exported.toString());
      assertThat(unmount.exitCode()).as(unmount.output()).isZero();
    }
  }

  /** Removes any local copy, loads the archive, and prints {@code /marker} from the image. */
  private static String loadAndRun(Path archive, String loadsAs) {
    DockerCli.run("rmi", loadsAs);
    assertThat(DockerCli.run("image", "inspect", loadsAs).ok()).isFalse();
    try {
      assertThat(DockerCli.ok("load", "-i", archive.toString()))
          .contains("Loaded image: " + loadsAs);
      return DockerCli.ok("run", "--rm", loadsAs, "cat", "/marker");
    } finally {
      DockerCli.run("rmi", loadsAs);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String marker() {
    return "marker-" + UUID.randomUUID();
  }
}
