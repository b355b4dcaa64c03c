package org.ferry.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;
import static org.ferry.gateway.testing.TestGateway.BOB;
import static org.ferry.gateway.testing.TestGateway.BOB_TEAM;

import java.util.List;
import java.util.Map;
import org.ferry.contract.PushRequested;
import org.ferry.gateway.testing.BusProbe;
import org.ferry.gateway.testing.GatewayIT;
import org.ferry.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;

/** A user acts on its own team only: every endpoint refuses another team, and publishes nothing. */
class TeamIsolationIT extends GatewayIT {

  @Test
  void bobCannotListPushExportDeleteOrCommitAsAlicesTeam() {
    // given
    TestGateway.dropArchive(ALICE_TEAM, "isolated.tar.gz", "not read by the gateway");
    var alices = "/api/v1/teams/" + ALICE_TEAM;

    try (var probe = BusProbe.requests(connections)) {
      // when
      var answers =
          List.of(
              http.get(BOB, alices + "/operations"),
              http.get(BOB, alices + "/push-files"),
              http.get(BOB, alices + "/images"),
              http.get(BOB, alices + "/images/hello/tags/v1"),
              http.get(BOB, alices + "/reservations"),
              http.get(BOB, alices + "/operations/stream", "text/event-stream"),
              http.post(
                  BOB, alices + "/pushes", Map.of("file", "isolated.tar.gz", "image", "x:v1")),
              http.post(
                  BOB,
                  alices + "/exports",
                  Map.of("image", ALICE_TEAM + "/hello:v1", "name", "stolen")),
              http.delete(BOB, alices + "/images/hello/tags/v1"),
              http.post(BOB, alices + "/commits", Map.of("reservationId", "r-1", "image", "x")));

      // then
      assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(403));
      assertThat(answers)
          .allSatisfy(
              answer -> assertThat(answer.contentType()).startsWith("application/problem+json"));
      assertThat(probe.drain()).isEmpty();
      assertThat(TestGateway.pushImages(ALICE_TEAM).resolve("isolated.tar.gz")).exists();

      // and the probe does see what alice herself is allowed to publish
      var accepted =
          http.post(ALICE, alices + "/pushes", Map.of("file", "isolated.tar.gz", "image", "x:v1"));
      assertThat(accepted.status()).isEqualTo(202);
      assertThat(probe.drain())
          .singleElement()
          .isInstanceOfSatisfying(
              PushRequested.class, request -> assertThat(request.team()).isEqualTo(ALICE_TEAM));
    }
  }

  @Test
  void bobCannotExportAlicesImageIntoHisOwnTeam() {
    try (var probe = BusProbe.requests(connections)) {
      // when
      var answer =
          http.post(
              BOB,
              "/api/v1/teams/" + BOB_TEAM + "/exports",
              Map.of("image", ALICE_TEAM + "/hello:v1", "name", "stolen"));

      // then
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.json().get("detail").asText()).contains(ALICE_TEAM.value());
      assertThat(probe.drain()).isEmpty();
    }
  }

  @Test
  void bobCannotReadAnOperationOfAlicesTeam() {
    // given
    TestGateway.dropArchive(ALICE_TEAM, "private.tar", "x");
    var id =
        http.post(
                ALICE,
                "/api/v1/teams/" + ALICE_TEAM + "/pushes",
                Map.of("file", "private.tar", "image", "private"))
            .json()
            .get("operationId")
            .asText();

    // when
    var bobs = http.get(BOB, "/api/v1/operations/" + id);
    var alices = http.get(ALICE, "/api/v1/operations/" + id);

    // then
    assertThat(bobs.status()).isEqualTo(403);
    assertThat(alices.status()).isEqualTo(200);
  }

  @Test
  void anAdminMayActOnAnyTeam() {
    // when
    var answer = http.get(TestGateway.ADMIN, "/api/v1/teams/" + BOB_TEAM + "/operations");

    // then
    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void refusesCallsWithoutOrWithWrongCredentials() {
    // when
    var anonymous = http.get(null, "/api/v1/teams/" + ALICE_TEAM + "/operations");
    var wrong = http.getAs("Basic " + base64(ALICE + ":not-her-password"), "/api/v1/me");

    // then
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(wrong.status()).isEqualTo(401);
  }

  private static String base64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes());
  }
}
