package org.ferry.commitworker.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ferry.contract.Reservation;
import org.ferry.contract.ReservationId;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listing and finding reservations across hosts, some of which fail or hang. */
class ReservationHostsTest {

  private static final Team TEAM_A = Team.of("team-a");
  private static final ReservationLabels LABELS = new ReservationLabels("ferry");

  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void release() {
    never.countDown();
  }

  @Test
  void listsOnlyTheTeamsReservationsSortedByName() {
    // given
    var gpu1 = new FakeContainerHost("gpu-1");
    var gpu2 = new FakeContainerHost("gpu-2");
    gpu1.run("c1", labels("team-a", "r-2", "zeta"));
    gpu2.run("c2", labels("team-a", "r-1", "alpha"));
    gpu2.run("c3", labels("team-b", "r-3", "beta"));
    gpu2.stop(gpu2.run("c4", labels("team-a", "r-4", "ended")));
    var hosts = new ReservationHosts(List.of(gpu1, gpu2), LABELS, Duration.ofSeconds(2));

    // when
    var listed = hosts.listFor(TEAM_A);

    // then
    assertThat(listed)
        .extracting(Reservation::id, Reservation::name, Reservation::host, Reservation::containerId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("r-1", "alpha", "gpu-2", "c2"),
            org.assertj.core.groups.Tuple.tuple("r-2", "zeta", "gpu-1", "c1"));
    assertThat(listed.get(0).label()).isEqualTo("alpha - id: r-1");
  }

  @Test
  void leavesOutAHostThatFails() {
    // given
    var up = new FakeContainerHost("up");
    up.run("c1", labels("team-a", "r-1", "one"));
    var down =
        new FakeContainerHost("down")
            .failing(() -> new TransientFailure("list", "the daemon is unreachable", "", null));
    var hosts = new ReservationHosts(List.of(down, up), LABELS, Duration.ofSeconds(2));

    // when
    var listed = hosts.listFor(TEAM_A);

    // then
    assertThat(listed).extracting(Reservation::id).containsExactly("r-1");
  }

  @Test
  void leavesOutAHostThatDoesNotAnswerInTime() {
    // given
    var up = new FakeContainerHost("up");
    up.run("c1", labels("team-a", "r-1", "one"));
    var hanging = new FakeContainerHost("hanging").failing(this::hang);
    var hosts = new ReservationHosts(List.of(hanging, up), LABELS, Duration.ofMillis(300));
    var start = System.nanoTime();

    // when
    var listed = hosts.listFor(TEAM_A);

    // then
    assertThat(listed).extracting(Reservation::id).containsExactly("r-1");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void findsAReservationOfAnyTeamByExactId() {
    // given
    var gpu = new FakeContainerHost("gpu");
    gpu.run("c1", labels("team-b", "r-1", "theirs"));
    gpu.run("c2", labels("team-a", "r-10", "other"));
    var hosts = new ReservationHosts(List.of(gpu), LABELS, Duration.ofSeconds(2));

    // when
    var found = hosts.running(ReservationId.of("r-1"));

    // then
    assertThat(found).hasSize(1);
    assertThat(found.get(0).labels().team()).isEqualTo(Team.of("team-b"));
    assertThat(found.get(0).host()).isSameAs(gpu);
  }

  @Test
  void findsAReservationWhileAnotherHostIsDown() {
    // given
    var up = new FakeContainerHost("up");
    up.run("c1", labels("team-a", "r-1", "one"));
    var down =
        new FakeContainerHost("down")
            .failing(() -> new TransientFailure("list", "the daemon is unreachable", "", null));
    var hosts = new ReservationHosts(List.of(down, up), LABELS, Duration.ofSeconds(2));

    // when
    var found = hosts.running(ReservationId.of("r-1"));

    // then
    assertThat(found).extracting(r -> r.container().id()).containsExactly("c1");
  }

  @Test
  void reportsAnUnreachableHostInsteadOfAnEmptyAnswer() {
    // given: the reservation may well be on the host that is down
    var up = new FakeContainerHost("up");
    var down =
        new FakeContainerHost("down")
            .failing(() -> new TransientFailure("list", "the daemon is unreachable", "", null));
    var hosts = new ReservationHosts(List.of(up, down), LABELS, Duration.ofSeconds(2));

    // when / then
    assertThatThrownBy(() -> hosts.running(ReservationId.of("r-1")))
        .isInstanceOf(TransientFailure.class)
        .hasMessageContaining("unreachable");
  }

  private RuntimeException hang() {
    try {
      never.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new IllegalStateException("released");
  }

  static Map<String, String> labels(String team, String id, String name) {
    return Map.of(
        "ferry.team", team,
        "ferry.reservation.id", id,
        "ferry.reservation.name", name);
  }
}
