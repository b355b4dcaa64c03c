package org.ferry.commitworker.commit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.ferry.contract.CommitRequested;
import org.ferry.contract.OperationFailed;
import org.ferry.contract.OperationSucceeded;
import org.ferry.contract.ReservationId;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.Source;
import org.ferry.registry.Repository;
import org.ferry.testing.DockerCli;
import org.ferry.testing.LocalServices;
import org.ferry.testing.TestTeams;
import org.junit.jupiter.api.Test;

/** Commit requests on the real broker, against real reservations, pushed to the real registry. */
class CommitReservationIT extends WorkerContext {

  @Test
  void commitsARunningReservationIntoTheTeamsNamespace() throws Exception {
    // given: a running reservation of the team with a file written into it
    var team = TestTeams.unique("tc");
    var id = reservationId();
    try (var reservation =
        ReservationContainers.start(ReservationContainers.labels(team, id, "exp-one"))) {
      var written = reservation.execInContainer("sh", "-c", "echo saved-state > /work/state.txt");
      assertThat(written.getExitCode()).isZero();
      var request = request(team, id, "snap", "v1");
      var ref = LocalServices.registry() + "/" + team + "/snap:v1";

      // when
      publisher.publish(request);
      var outcome = events.awaitTerminal(request.operationId());

      // then: pushed, verified and reported
      assertThat(outcome).isInstanceOf(OperationSucceeded.class);
      var succeeded = (OperationSucceeded) outcome;
      var served =
          registry.headManifest(new Repository(team.toString(), "snap"), "v1").orElseThrow();
      assertThat(succeeded.result())
          .containsEntry("reference", ref)
          .containsEntry("digest", served.digest().value())
          .containsEntry("reservation", id);
      assertThat(Long.parseLong(succeeded.result().get("size"))).isPositive();
      assertThat(succeeded.message())
          .isEqualTo("Committed reservation exp-one to " + ref + " (" + served.digest() + ")");
      assertThat(events.stages(request.operationId()))
          .containsSubsequence("committing", "uploading");

      // then: the worker left no image behind, and the reservation still runs
      assertThat(DockerCli.run("image", "inspect", ref).ok()).isFalse();
      assertThat(reservation.isRunning()).isTrue();
      assertThat(reservation.execInContainer("cat", "/work/state.txt").getStdout())
          .isEqualTo("saved-state\n");

      // then: a user pulls it, finds the file, and it starts the way the reservation did
      DockerCli.login(LocalServices.pullAccess());
      DockerCli.ok("pull", ref);
      try {
        assertThat(DockerCli.ok("run", "--rm", ref, "cat", "/work/state.txt"))
            .isEqualTo("saved-state");
        var config =
            new ObjectMapper()
                .readTree(DockerCli.ok("image", "inspect", "--format", "{{json .Config}}", ref));
        assertThat(config.path("Entrypoint").toString()).isEqualTo("[\"/bin/busybox\"]");
        assertThat(config.path("Cmd").toString()).isEqualTo("[\"sh\",\"-c\",\"sleep 3600\"]");
        assertThat(config.path("Env").toString()).contains("FERRY_IT=reservation");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/work");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        // The reservation's own labels are blanked, so the image's containers are no reservation.
        assertThat(config.path("Labels").path("ferry.team").asText()).isEmpty();
        assertThat(config.path("Labels").path("ferry.reservation.id").asText()).isEmpty();
      } finally {
        DockerCli.run("rmi", ref);
      }
    }
  }

  /** The testbed lists reservations such as {@code gpu@1}; every listed one can be committed. */
  @Test
  void commitsAReservationWhoseIdContainsAnAtSign() {
    // given: a running reservation whose id has an '@', as the testbed gives GPU reservations
    var team = TestTeams.unique("tc");
    var id = "gpu@" + UUID.randomUUID().toString().substring(0, 8);
    try (var reservation =
        ReservationContainers.start(ReservationContainers.labels(team, id, "on-gpu"))) {
      var request = request(team, id, "atsnap", "v1");
      var ref = LocalServices.registry() + "/" + team + "/atsnap:v1";

      // when
      publisher.publish(request);
      var outcome = events.awaitTerminal(request.operationId());

      // then
      assertThat(outcome).isInstanceOf(OperationSucceeded.class);
      var served =
          registry
              .headManifest(org.ferry.registry.Repository.parse(team + "/atsnap"), "v1")
              .orElseThrow();
      assertThat(((OperationSucceeded) outcome).result())
          .containsEntry("reference", ref)
          .containsEntry("digest", served.digest().value())
          .containsEntry("reservation", id);
      assertThat(reservation.isRunning()).isTrue();
    }
  }

  @Test
  void refusesToCommitAnotherTeamsReservation() {
    // given: a reservation of team b, asked for by team a
    var owner = TestTeams.unique("tb");
    var asker = TestTeams.unique("ta");
    var id = reservationId();
    try (var reservation =
        ReservationContainers.start(ReservationContainers.labels(owner, id, "theirs"))) {
      var request = request(asker, id, "stolen", "v1");

      // when
      publisher.publish(request);
      var outcome = events.awaitTerminal(request.operationId());

      // then
      assertThat(outcome).isInstanceOf(OperationFailed.class);
      var failed = (OperationFailed) outcome;
      assertThat(failed.reason().label()).isEqualTo(ReasonCodes.FORBIDDEN);
      assertThat(failed.message())
          .startsWith("Could not commit reservation " + id + ": the reservation belongs to another")
          .doesNotContain(owner.value());
      assertThat(registry.headManifest(new Repository(asker.toString(), "stolen"), "v1")).isEmpty();
      assertThat(
              DockerCli.run(
                      "image", "inspect", LocalServices.registry() + "/" + asker + "/stolen:v1")
                  .ok())
          .isFalse();
      assertThat(reservation.isRunning()).isTrue();
    }
  }

  @Test
  void failsWhenTheReservationHasEnded() {
    // given
    var team = TestTeams.unique("tc");
    var id = reservationId();
    try (var reservation =
        ReservationContainers.start(ReservationContainers.labels(team, id, "ended"))) {
      ReservationContainers.kill(reservation);
      var request = request(team, id, "late", "v1");

      // when
      publisher.publish(request);
      var outcome = events.awaitTerminal(request.operationId());

      // then
      assertThat(outcome).isInstanceOf(OperationFailed.class);
      assertThat(((OperationFailed) outcome).reason().label()).isEqualTo(ReasonCodes.NOT_FOUND);
      assertThat(((OperationFailed) outcome).message())
          .isEqualTo(
              "Could not commit reservation "
                  + id
                  + ": reservation "
                  + id
                  + " is not active. Choose a running reservation of your team from the list.");
      assertThat(registry.headManifest(new Repository(team.toString(), "late"), "v1")).isEmpty();
    }
  }

  /**
   * The reservation is killed once the worker reports that it is committing. What can be forced
   * here is the order "commit started, then the container died"; the ballast file makes the
   * snapshot take seconds, so the kill lands while the daemon is still copying. The daemon itself
   * finishes such a commit (it snapshots a stopped container as happily as a running one), so it is
   * Ferry's check after the commit that must refuse to push it.
   */
  @Test
  void failsCleanlyWhenTheReservationStopsDuringTheCommit() throws Exception {
    // given
    var team = TestTeams.unique("tc");
    var id = reservationId();
    try (var reservation =
        ReservationContainers.start(ReservationContainers.labels(team, id, "dying"))) {
      var ballast =
          reservation.execInContainer(
              "sh", "-c", "busybox dd if=/dev/zero of=/work/ballast bs=1M count=300");
      assertThat(ballast.getExitCode()).isZero();
      var request = request(team, id, "half", "v1");
      var ref = LocalServices.registry() + "/" + team + "/half:v1";

      // when
      publisher.publish(request);
      events.awaitStage(request.operationId(), "committing");
      ReservationContainers.kill(reservation);
      var outcome = events.awaitTerminal(request.operationId());

      // then
      assertThat(outcome).isInstanceOf(OperationFailed.class);
      assertThat(((OperationFailed) outcome).message())
          .startsWith("Could not commit reservation " + id + ": the reservation ended while it")
          .endsWith("Start the reservation again and commit it while it runs.");
      assertThat(registry.headManifest(new Repository(team.toString(), "half"), "v1")).isEmpty();
      assertThat(DockerCli.run("image", "inspect", ref).ok()).isFalse();
    }
  }

  private static String reservationId() {
    return "r-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static CommitRequested request(Team team, String id, String name, String tag) {
    return new CommitRequested(
        OperationId.random(),
        team,
        Instant.now(),
        "commit-it",
        Source.AMQP,
        ReservationId.of(id),
        ImageName.of(name),
        Tag.of(tag),
        null);
  }
}
