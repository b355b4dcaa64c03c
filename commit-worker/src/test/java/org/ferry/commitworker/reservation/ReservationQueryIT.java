package org.ferry.commitworker.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.ferry.commitworker.commit.ReservationContainers;
import org.ferry.commitworker.commit.WorkerContext;
import org.ferry.contract.Reservation;
import org.ferry.contract.ReservationList;
import org.ferry.contract.ReservationQuery;
import org.ferry.image.Team;
import org.ferry.messaging.Topology;
import org.ferry.testing.TestTeams;
import org.junit.jupiter.api.Test;

/** The reservation query answered over the real broker, as the gateway asks it. */
class ReservationQueryIT extends WorkerContext {

  @Test
  void answersWithTheTeamsRunningReservationsOnly() {
    // given: one running reservation of team a, one that ended, one of team b, and a container
    // that carries the team label but no reservation id
    var teamA = TestTeams.unique("ta");
    var teamB = TestTeams.unique("tb");
    var before = Instant.now().minusSeconds(5);
    try (var running =
            ReservationContainers.start(ReservationContainers.labels(teamA, id(), "exp-one"));
        var ended = ReservationContainers.start(ReservationContainers.labels(teamA, id(), "old"));
        var theirs =
            ReservationContainers.start(ReservationContainers.labels(teamB, id(), "theirs"));
        var unlabelled = ReservationContainers.start(Map.of("ferry.team", teamA.value()))) {
      ReservationContainers.kill(ended);

      // when
      var forA = ask(teamA);
      var forB = ask(teamB);

      // then
      assertThat(forA.team()).isEqualTo(teamA);
      assertThat(forA.reservations()).hasSize(1);
      var reservation = forA.reservations().get(0);
      assertThat(reservation.id()).isEqualTo(running.getLabels().get("ferry.reservation.id"));
      assertThat(reservation.name()).isEqualTo("exp-one");
      assertThat(reservation.label()).isEqualTo("exp-one - id: " + reservation.id());
      assertThat(reservation.host()).isEqualTo("local");
      assertThat(reservation.containerId()).isEqualTo(running.getContainerId());
      assertThat(reservation.image()).isEqualTo(ReservationContainers.IMAGE);
      assertThat(reservation.startedAt()).isBetween(before, Instant.now());
      assertThat(forB.reservations())
          .extracting(Reservation::containerId)
          .containsExactly(theirs.getContainerId());
      assertThat(unlabelled.isRunning()).isTrue();
    }
  }

  @Test
  void answersAnEmptyListForATeamWithoutReservations() {
    // when
    var answer = ask(TestTeams.unique("tn"));

    // then
    assertThat(answer.reservations()).isEmpty();
  }

  private ReservationList ask(Team team) {
    rabbit.setReplyTimeout(Duration.ofSeconds(10).toMillis());
    var reply =
        rabbit.convertSendAndReceive(
            Topology.REQUESTS_EXCHANGE, ReservationQuery.TYPE, new ReservationQuery(team));
    assertThat(reply).isInstanceOf(ReservationList.class);
    return (ReservationList) reply;
  }

  private static String id() {
    return "r-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
