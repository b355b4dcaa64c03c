package org.ferry.commitworker.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.ferry.commitworker.commit.ReservationContainers;
import org.ferry.commitworker.commit.docker.DockerHosts;
import org.ferry.contract.Reservation;
import org.ferry.contract.ReservationId;
import org.ferry.failure.TransientFailure;
import org.ferry.registry.RegistryRetry;
import org.ferry.testing.LocalServices;
import org.ferry.testing.TestTeams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local daemon beside two hosts that do not answer: one refuses connections, the other accepts
 * them and never replies, as a hung GPU node would.
 */
class ReservationHostsIT {

  private static final ReservationLabels LABELS = new ReservationLabels("ferry");
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(1);

  private final Retry retry = RegistryRetry.create("it", 2, Duration.ofMillis(100));
  private ServerSocket silent;
  private ReservationHosts hosts;

  @BeforeEach
  void connect() throws IOException {
    silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    hosts =
        new ReservationHosts(
            List.of(
                DockerHosts.connect("refusing", "tcp://127.0.0.1:1", null, retry, LOOKUP_TIMEOUT),
                DockerHosts.connect(
                    "silent",
                    "tcp://127.0.0.1:" + silent.getLocalPort(),
                    null,
                    retry,
                    LOOKUP_TIMEOUT),
                DockerHosts.connect(
                    "local", LocalServices.dockerHost(), null, retry, LOOKUP_TIMEOUT)),
            LABELS,
            Duration.ofSeconds(2));
  }

  @AfterEach
  void close() throws IOException {
    hosts.close();
    silent.close();
  }

  @Test
  void listsTheReservationsOfTheHostsThatAnswer() {
    // given
    var team = TestTeams.unique("tl");
    try (var reservation =
        ReservationContainers.start(ReservationContainers.labels(team, id(), "exp-one"))) {
      var start = System.nanoTime();

      // when
      var listed = hosts.listFor(team);

      // then
      assertThat(listed)
          .extracting(Reservation::host, Reservation::containerId)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("local", reservation.getContainerId()));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void findsAReservationWhileOtherHostsDoNotAnswer() {
    // given
    var team = TestTeams.unique("tl");
    var id = id();
    try (var reservation =
        ReservationContainers.start(ReservationContainers.labels(team, id, "exp-one"))) {

      // when
      var found = hosts.running(ReservationId.of(id));

      // then
      assertThat(found).hasSize(1);
      assertThat(found.get(0).host().name()).isEqualTo("local");
      assertThat(found.get(0).labels().team()).isEqualTo(team);
      assertThat(found.get(0).container().id()).isEqualTo(reservation.getContainerId());
    }
  }

  @Test
  void reportsAHostThatDoesNotAnswerWhenTheReservationIsNowhereElse() {
    // when / then: after retrying, the answer is "unknown", never "not active"
    assertThatThrownBy(() -> hosts.running(ReservationId.of(id())))
        .isInstanceOf(TransientFailure.class)
        .hasMessageStartingWith("Could not list the containers on host ")
        .hasMessageContaining("the Docker daemon is unreachable");
    assertThat(retry.getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(2);
  }

  private static String id() {
    return "r-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
