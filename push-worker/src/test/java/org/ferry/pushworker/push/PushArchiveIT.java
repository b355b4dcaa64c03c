package org.ferry.pushworker.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.ferry.archive.ArchiveLimits;
import org.ferry.image.Digest;
import org.ferry.nas.ArchiveClaims;
import org.ferry.operation.Progress;
import org.ferry.registry.ManifestInfo;
import org.ferry.registry.Repository;
import org.ferry.testing.DockerCli;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PushArchiveIT extends RunningPushWorker {

  @Autowired private PushArchive pushArchive;
  @Autowired private PushEngine engine;

  @Test
  void pushesWithTheEngineTheRunAskedFor() {
    assertThat(engine.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
        .startsWith(engine());
  }

  @Test
  void pushesAGzipArchiveThatThenPullsAndRuns() {
    // given
    var team = newTeam("pa");
    var marker = "marker-" + UUID.randomUUID();
    var archive = dropArchive(team, "hello.tar.gz", marker, true);
    var request = pushRequest(team, "hello.tar.gz", "hello", "v1");
    var ref = ref(team, "hello", "v1");

    // when
    publisher.publish(request);

    // then
    var succeeded = events.awaitSucceeded(request.operationId());
    var served = registry.headManifest(Repository.of(ref), "v1").map(ManifestInfo::digest);
    assertThat(served).isPresent();
    assertThat(succeeded.message()).isEqualTo("Pushed " + ref + " (" + served.get() + ")");
    assertThat(succeeded.result())
        .containsEntry("reference", ref.toString())
        .containsEntry("digest", served.get().value());
    assertThat(Long.parseLong(succeeded.result().get("size"))).isPositive();
    assertThat(archive).doesNotExist();
    assertThat(pushImages(team).resolve("hello.tar.gz.error")).doesNotExist();
    assertThat(events.stages(request.operationId())).contains("reading", "uploading");
    assertThat(events.progress(request.operationId()))
        .anySatisfy(
            p -> {
              assertThat(p.stage().label()).isEqualTo("reading");
              assertThat(p.done()).isEqualTo(p.total()).isPositive();
            });
    assertThat(DockerCli.run("image", "inspect", ref.toString()).ok())
        .as("the worker removes the image it loaded")
        .isFalse();
    assertThat(DockerCli.run("pull", ref.toString()).ok()).isTrue();
    assertThat(DockerCli.ok("run", "--rm", ref.toString())).isEqualTo(marker);
    DockerCli.run("rmi", ref.toString());
  }

  @Test
  void pushesAPlainTarArchive() {
    // given
    var team = newTeam("pt");
    var marker = "plain-" + UUID.randomUUID();
    var archive = dropArchive(team, "plain.tar", marker, false);
    var request = pushRequest(team, "plain.tar", "plain", "1.0");
    var ref = ref(team, "plain", "1.0");

    // when
    publisher.publish(request);

    // then
    var succeeded = events.awaitSucceeded(request.operationId());
    assertThat(succeeded.result()).containsEntry("reference", ref.toString());
    assertThat(archive).doesNotExist();
    assertThat(DockerCli.run("pull", ref.toString()).ok()).isTrue();
    assertThat(DockerCli.ok("run", "--rm", ref.toString())).isEqualTo(marker);
    DockerCli.run("rmi", ref.toString());
  }

  @Test
  void leavesAnotherTeamsImageUntouchedWhenTheArchiveNamesIt() throws IOException {
    // given: team-b's x:1 in the registry and on the daemon
    var teamA = newTeam("ia");
    var teamB = newTeam("ib");
    var victim = ref(teamB, "x", "1");
    var victimDigest = pushThroughFerry(teamB, "x", "1", "team-b-" + UUID.randomUUID());
    assertThat(DockerCli.run("pull", victim.toString()).ok()).isTrue();
    var victimImageId = DockerCli.ok("image", "inspect", "-f", "{{.Id}}", victim.toString());
    // and team-a's archive whose RepoTags claim to be team-b's x:1
    var marker = "intruder-" + UUID.randomUUID();
    var saved = dropArchive(teamA, "saved.tar", marker, false);
    var archive = pushImages(teamA).resolve("x.tar.gz");
    Archives.withRepoTags(saved, archive, victim.toString(), teamB + "/x:1");
    Files.delete(saved);
    var request = pushRequest(teamA, "x.tar.gz", "x", "1");

    // when
    publisher.publish(request);

    // then
    var succeeded = events.awaitSucceeded(request.operationId());
    assertThat(succeeded.result()).containsEntry("reference", ref(teamA, "x", "1").toString());
    assertThat(registry.headManifest(Repository.of(victim), "1").map(ManifestInfo::digest))
        .contains(Digest.of(victimDigest));
    assertThat(DockerCli.ok("image", "inspect", "-f", "{{.Id}}", victim.toString()))
        .isEqualTo(victimImageId);
    assertThat(DockerCli.ok("run", "--rm", victim.toString())).startsWith("team-b-");
    var pushed = ref(teamA, "x", "1");
    assertThat(DockerCli.run("pull", pushed.toString()).ok()).isTrue();
    assertThat(DockerCli.ok("run", "--rm", pushed.toString())).isEqualTo(marker);
    DockerCli.run("rmi", pushed.toString());
    DockerCli.run("rmi", victim.toString());
  }

  @Test
  void failsACorruptArchiveAndGivesItBackUnchanged() throws IOException {
    // given: a gzip archive cut in half, as an interrupted copy leaves it
    var team = newTeam("pc");
    var whole = dropArchive(team, "whole.tar.gz", "corrupt-" + UUID.randomUUID(), true);
    var bytes = Files.readAllBytes(whole);
    var archive =
        Files.write(
            pushImages(team).resolve("broken.tar.gz"),
            java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Files.delete(whole);
    var before = sha256(archive);
    var request = pushRequest(team, "broken.tar.gz", "broken", "1");

    // when
    publisher.publish(request);

    // then
    var failed = events.awaitFailed(request.operationId());
    assertThat(failed.reason().label()).isEqualTo("bad-archive");
    assertThat(failed.message())
        .isEqualTo(
            "Could not push broken.tar.gz: the archive ends early, so it was probably copied only"
                + " in part. Copy the complete archive again.");
    assertThat(archive).exists();
    assertThat(sha256(archive)).isEqualTo(before);
    assertThat(pushImages(team).resolve("broken.tar.gz.error")).hasContent(failed.message());
    assertThat(registry.tags(new Repository(team.toString(), "broken"))).isEmpty();
  }

  @Test
  void refusesAnArchiveWithTwoImagesAndSaysWhatToDo() throws IOException {
    // given
    var team = newTeam("p2");
    var one = "ferry-it/" + team + "-one:1";
    var two = "ferry-it/" + team + "-two:1";
    DockerCli.build(one, java.util.Map.of("/one", "1"), null);
    DockerCli.build(two, java.util.Map.of("/two", "2"), null);
    var archive = pushImages(team).resolve("both.tar");
    DockerCli.ok("save", "-o", archive.toString(), one, two);
    DockerCli.run("rmi", one, two);
    var request = pushRequest(team, "both.tar", "both", "1");

    // when
    publisher.publish(request);

    // then
    var failed = events.awaitFailed(request.operationId());
    assertThat(failed.message())
        .isEqualTo(
            "Could not push both.tar: the archive contains 2 images. Save exactly one image per"
                + " archive (docker save -o x.tar IMAGE).");
    assertThat(archive).exists();
    assertThat(pushImages(team).resolve("both.tar.error")).exists();
  }

  @Test
  void answersARedeliveredRequestWithTheFirstResult() {
    // given
    var team = newTeam("pr");
    dropArchive(team, "twice.tar.gz", "twice-" + UUID.randomUUID(), true);
    var request = pushRequest(team, "twice.tar.gz", "twice", "1");

    // when
    publisher.publish(request);
    publisher.publish(request);

    // then
    var terminals = events.awaitTerminals(request.operationId(), 2);
    assertThat(terminals).hasSize(2).allSatisfy(t -> assertThat(t).isEqualTo(terminals.get(0)));
    assertThat(events.started(request.operationId())).isEqualTo(1);
  }

  @Test
  void answersARequestThatAlreadySucceededFromItsStoredResultAfterARestart() {
    // given: a push that succeeded, and a worker that no longer remembers it in memory
    var team = newTeam("ps");
    dropArchive(team, "stored.tar.gz", "stored-" + UUID.randomUUID(), true);
    var request = pushRequest(team, "stored.tar.gz", "stored", "1");
    var first = pushArchive.push(request, Progress.NONE);

    // when: the archive is gone, so only the stored result can answer
    var again = pushArchive.push(request, Progress.NONE);

    // then
    assertThat(again).isEqualTo(first);
    assertThat(
            new ArchiveClaims(org.ferry.nas.NasLayout.under(NAS))
                .completedResult(team, request.operationId()))
        .isPresent();
  }

  @Test
  void refusesToPushIntoCommon() {
    // given
    var request = pushRequest(org.ferry.image.Team.COMMON, "x.tar.gz", "x", "1");

    // when
    publisher.publish(request);

    // then
    var failed = events.awaitFailed(request.operationId());
    assertThat(failed.reason().label()).isEqualTo("forbidden");
    assertThat(failed.message()).startsWith("Could not push x.tar.gz to common:");
  }

  @Test
  void usesTheDefaultArchiveLimitsUnlessConfigured(@Autowired ArchiveLimits limits) {
    assertThat(limits).isEqualTo(ArchiveLimits.defaults());
  }

  private static String sha256(java.nio.file.Path file) throws IOException {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
