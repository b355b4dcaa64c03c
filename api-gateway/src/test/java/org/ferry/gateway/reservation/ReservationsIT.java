package org.ferry.gateway.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ferry.contract.Reservation;
import org.ferry.contract.ReservationList;
import org.ferry.contract.ReservationQuery;
import org.ferry.gateway.testing.GatewayIT;
import org.ferry.messaging.FerryMessageConverter;
import org.ferry.messaging.MessagingAutoConfiguration;
import org.ferry.messaging.Topology;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.adapter.MessageListenerAdapter;

/** The reservation list comes from the commit workers over the bus, or a clear 503. */
class ReservationsIT extends GatewayIT {

  private static final String RESERVATIONS = "/api/v1/teams/" + ALICE_TEAM + "/reservations";

  @Test
  void answersServiceUnavailableWhenNoCommitWorkerAnswers() {
    // given no commit worker on the bus

    // when
    var started = System.nanoTime();
    var answer = http.get(ALICE, RESERVATIONS);
    var waited = Duration.ofNanos(System.nanoTime() - started);

    // then
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.json().get("detail").asText()).contains("no commit worker answered");
    assertThat(waited).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
  }

  @Test
  void listsTheReservationsACommitWorkerReports() {
    // given a responder that answers as a commit worker would
    var admin = new RabbitAdmin(connections);
    var queue = new AnonymousQueue();
    admin.declareQueue(queue);
    admin.declareBinding(
        Topology.bind(queue, new TopicExchange(Topology.REQUESTS_EXCHANGE), ReservationQuery.TYPE));
    var responder = new SimpleMessageListenerContainer(connections);
    responder.setQueues(queue);
    var adapter = new MessageListenerAdapter(new FakeCommitWorker());
    adapter.setMessageConverter(
        new FerryMessageConverter(MessagingAutoConfiguration.messageMapper(), "/ferry/it"));
    responder.setMessageListener(adapter);
    responder.start();

    try {
      // when
      var answer = http.get(ALICE, RESERVATIONS);

      // then
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      var reservation = answer.json().get(0);
      assertThat(answer.json()).hasSize(1);
      assertThat(reservation.get("id").asText()).isEqualTo("r-1");
      assertThat(reservation.get("name").asText()).isEqualTo("exp-one");
      assertThat(reservation.get("host").asText()).isEqualTo("gpu-node-1");
      assertThat(reservation.get("label").asText()).isEqualTo("exp-one - id: r-1");
    } finally {
      responder.stop();
      admin.deleteQueue(queue.getName());
    }
  }

  /** Answers every query with one reservation of the asking team. */
  static final class FakeCommitWorker {
    public ReservationList handleMessage(ReservationQuery query) {
      return new ReservationList(
          query.team(),
          List.of(
              new Reservation(
                  "r-1", "exp-one", "gpu-node-1", "c0ffee", "ferry-test/exp:1", Instant.now())));
    }
  }
}
