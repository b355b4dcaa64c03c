package org.ferry.gateway.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;

import java.util.Map;
import org.ferry.contract.CommitRequested;
import org.ferry.contract.ReservationId;
import org.ferry.gateway.testing.BusProbe;
import org.ferry.gateway.testing.GatewayIT;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.operation.OperationId;
import org.junit.jupiter.api.Test;

/** Committing through the API: the gateway takes every reservation id the commit worker lists. */
class CommitApiIT extends GatewayIT {

  private static final String TEAM = "/api/v1/teams/" + ALICE_TEAM;

  @Test
  void acceptsAReservationIdWithAnAtSign() {
    try (var probe = BusProbe.requests(connections)) {
      // when
      var answer =
          http.post(ALICE, TEAM + "/commits", Map.of("reservationId", "gpu@1", "image", "snap:v1"));

      // then
      assertThat(answer.status()).as(answer.body()).isEqualTo(202);
      var id = OperationId.of(answer.json().get("operationId").asText());
      assertThat(probe.drain())
          .singleElement()
          .isInstanceOfSatisfying(
              CommitRequested.class,
              request -> {
                assertThat(request.operationId()).isEqualTo(id);
                assertThat(request.team()).isEqualTo(ALICE_TEAM);
                assertThat(request.reservationId()).isEqualTo(ReservationId.of("gpu@1"));
                assertThat(request.image()).isEqualTo(ImageName.of("snap"));
                assertThat(request.tag()).isEqualTo(Tag.of("v1"));
              });
      assertThat(http.get(ALICE, "/api/v1/operations/" + id).json().get("message").asText())
          .isEqualTo("Committing reservation gpu@1 to " + ALICE_TEAM + "/snap:v1");
    }
  }
}
