package org.ferry.commitworker.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ferry.commitworker.reservation.FakeContainerHost;
import org.ferry.commitworker.reservation.ReservationHosts;
import org.ferry.commitworker.reservation.ReservationLabels;
import org.ferry.contract.CommitRequested;
import org.ferry.contract.ReservationId;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.Progress;
import org.ferry.operation.Source;
import org.ferry.registry.RegistryAccess;
import org.ferry.registry.RegistryClient;
import org.junit.jupiter.api.Test;

/** The checks a commit makes before anything reaches the registry. */
class CommitReservationTest {

  private static final ReservationLabels LABELS = new ReservationLabels("ferry");
  // Nothing listens there: a test that reached the registry would fail loudly.
  private static final RegistryClient REGISTRY =
      new RegistryClient(
          new RegistryAccess("127.0.0.1:1", null, "pusher", "secret"), Retry.ofDefaults("t"));

  private final FakeContainerHost gpu = new FakeContainerHost("gpu-1");

  @Test
  void refusesToCommitIntoCommon() {
    // given
    gpu.run("c1", labels("common", "r-1"));

    // when / then
    assertFails(commit(Team.COMMON, "r-1"), ReasonCodes.FORBIDDEN, "common namespace");
    assertThat(gpu.calls()).noneMatch(call -> call.startsWith("commit"));
  }

  @Test
  void refusesAnotherTeamsReservationWithoutNamingTheTeam() {
    // given
    gpu.run("c1", labels("team-b", "r-1"));

    // when
    var failure =
        assertFails(commit(Team.of("team-a"), "r-1"), ReasonCodes.FORBIDDEN, "another team");

    // then
    assertThat(failure.getMessage()).doesNotContain("team-b");
    assertThat(gpu.calls()).noneMatch(call -> call.startsWith("commit"));
  }

  @Test
  void reportsAnEndedReservationAsNotActive() {
    // given
    gpu.stop(gpu.run("c1", labels("team-a", "r-1")));

    // when / then
    assertFails(
        commit(Team.of("team-a"), "r-1"), ReasonCodes.NOT_FOUND, "reservation r-1 is not active");
  }

  @Test
  void reportsAnUnknownReservationAsNotActive() {
    assertFails(
        commit(Team.of("team-a"), "r-9"), ReasonCodes.NOT_FOUND, "reservation r-9 is not active");
  }

  @Test
  void refusesToGuessBetweenTwoContainersWithOneId() {
    // given
    gpu.run("c1", labels("team-a", "r-1"));
    gpu.run("c2", labels("team-a", "r-1"));

    // when / then
    assertFails(commit(Team.of("team-a"), "r-1"), ReasonCodes.CONFLICT, "2 running containers");
  }

  @Test
  void reportsADaemonThatCannotBeReached() {
    // given
    gpu.failing(
        () ->
            new TransientFailure(
                "list the containers on host gpu-1",
                "the Docker daemon is unreachable",
                "Try again later.",
                null));

    // when / then
    assertThatThrownBy(
            () ->
                commitReservation(true)
                    .commit(request(Team.of("team-a"), "r-1", true), Progress.NONE))
        .isInstanceOf(TransientFailure.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void pushesNothingWhenTheContainerEndsDuringTheCommit() {
    // given
    var container = gpu.run("c1", labels("team-a", "r-1"));
    gpu.duringCommit(() -> gpu.stop(container));

    // when
    var failure =
        assertFails(
            commit(Team.of("team-a"), "r-1"),
            ReasonCodes.NOT_FOUND,
            "ended while it was being committed");

    // then
    assertThat(failure).isInstanceOf(PermanentFailure.class);
    assertThat(gpu.calls()).noneMatch(call -> call.startsWith("push"));
    assertThat(gpu.calls()).contains("remove 127.0.0.1:1/team-a/snap:v1");
  }

  @Test
  void commitsWithTheReservationLabelsClearedAndPausedByDefault() {
    // given: the container stops during the commit, which keeps this test away from a registry
    var container = gpu.run("c1", labels("team-a", "r-1"));
    gpu.duringCommit(() -> gpu.stop(container));

    // when
    catchFailure(commit(Team.of("team-a"), "r-1"));

    // then
    assertThat(gpu.calls())
        .contains(
            "commit c1 127.0.0.1:1/team-a/snap:v1 pause=true labels={ferry.team=,"
                + " ferry.reservation.id=, ferry.reservation.name=}");
  }

  @Test
  void doesNotPauseWhenOperatorsSwitchedPausingOff() {
    // given
    var container = gpu.run("c1", labels("team-a", "r-1"));
    gpu.duringCommit(() -> gpu.stop(container));

    // when: the request asks to pause, the configuration forbids it
    catchFailure(
        () ->
            commitReservation(false)
                .commit(request(Team.of("team-a"), "r-1", true), Progress.NONE));

    // then
    assertThat(gpu.calls())
        .anyMatch(call -> call.startsWith("commit c1") && call.contains("pause=false"));
  }

  @Test
  void doesNotPauseWhenTheRequestAsksNotTo() {
    // given
    var container = gpu.run("c1", labels("team-a", "r-1"));
    gpu.duringCommit(() -> gpu.stop(container));

    // when
    catchFailure(
        () ->
            commitReservation(true)
                .commit(request(Team.of("team-a"), "r-1", false), Progress.NONE));

    // then
    assertThat(gpu.calls())
        .anyMatch(call -> call.startsWith("commit c1") && call.contains("pause=false"));
  }

  private Runnable commit(Team team, String reservationId) {
    return () -> commitReservation(true).commit(request(team, reservationId, true), Progress.NONE);
  }

  private CommitReservation commitReservation(boolean pause) {
    var hosts = new ReservationHosts(List.of(gpu), LABELS, Duration.ofSeconds(2));
    return new CommitReservation(hosts, REGISTRY, new CommitProperties(null, "ferry", pause, null));
  }

  private static CommitRequested request(Team team, String reservationId, boolean pause) {
    return new CommitRequested(
        OperationId.random(),
        team,
        Instant.now(),
        "alice",
        Source.API,
        ReservationId.of(reservationId),
        ImageName.of("snap"),
        Tag.of("v1"),
        pause);
  }

  private static FerryFailure assertFails(Runnable commit, String reason, String text) {
    var failure = catchFailure(commit);
    assertThat(failure.reasonCode()).isEqualTo(reason);
    assertThat(failure.getMessage()).startsWith("Could not commit reservation").contains(text);
    return failure;
  }

  private static FerryFailure catchFailure(Runnable commit) {
    try {
      commit.run();
    } catch (FerryFailure failure) {
      return failure;
    }
    throw new AssertionError("the commit did not fail");
  }

  private static Map<String, String> labels(String team, String id) {
    return Map.of(
        "ferry.team", team,
        "ferry.reservation.id", id,
        "ferry.reservation.name", "exp-" + id);
  }
}
