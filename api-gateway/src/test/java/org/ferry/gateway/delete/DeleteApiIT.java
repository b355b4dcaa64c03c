package org.ferry.gateway.delete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;

import org.ferry.contract.DeleteRequested;
import org.ferry.gateway.testing.BusProbe;
import org.ferry.gateway.testing.GatewayIT;
import org.ferry.gateway.testing.RegistryImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A delete that names the digest its caller saw is checked against the real registry before
 * anything is queued: a tag pushed to since is answered 409 with its current digest and left alone.
 * No push worker runs here; DeleteTagIT checks the worker's own check.
 */
class DeleteApiIT extends GatewayIT {

  private static final String TEAM = "/api/v1/teams/" + ALICE_TEAM;
  private static final RegistryImages images = new RegistryImages();

  @AfterAll
  static void removeImages() {
    images.close();
  }

  @Test
  void answersConflictWithTheCurrentDigestAndQueuesNothingWhenTheTagMovedSinceTheCallerSawIt() {
    // given: the caller saw v1 at one digest, then another image was pushed to v1
    var seen = images.push(ALICE_TEAM, "moving", "v1", "seen");
    var current = images.push(ALICE_TEAM, "moving", "v1", "pushed-since");

    try (var probe = BusProbe.requests(connections)) {
      // when
      var answer =
          http.delete(ALICE, TEAM + "/images/moving/tags/v1?digest=" + seen.digest().value());

      // then
      assertThat(answer.status()).as(answer.body()).isEqualTo(409);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().get("currentDigest").asText()).isEqualTo(current.digest().value());
      assertThat(answer.json().get("expectedDigest").asText()).isEqualTo(seen.digest().value());
      assertThat(answer.json().get("reason").asText()).isEqualTo("conflict");
      assertThat(answer.json().get("detail").asText())
          .startsWith(
              "Could not delete "
                  + ALICE_TEAM
                  + "/moving:v1: the tag now points at "
                  + current.digest());
      assertThat(probe.drain()).isEmpty();
      assertThat(images.digest(ALICE_TEAM, "moving", "v1")).contains(current.digest());
    }
  }

  @Test
  void queuesADeleteThatCarriesTheDigestTheTagStillPointsAt() {
    // given
    var pushed = images.push(ALICE_TEAM, "steady", "v1", "steady");

    try (var probe = BusProbe.requests(connections)) {
      // when
      var answer =
          http.delete(ALICE, TEAM + "/images/steady/tags/v1?digest=" + pushed.digest().value());

      // then
      assertThat(answer.status()).as(answer.body()).isEqualTo(202);
      var request = (DeleteRequested) probe.drain().get(0);
      assertThat(request.operationId().value())
          .isEqualTo(answer.json().get("operationId").asText());
      assertThat(request.expectedDigest()).contains(pushed.digest());
      assertThat(request.image().value()).isEqualTo("steady");
      assertThat(request.tag().value()).isEqualTo("v1");
    }
  }

  @Test
  void answersNotFoundAndQueuesNothingWhenTheTagTheCallerSawIsGone() {
    // given
    var pushed = images.push(ALICE_TEAM, "elsewhere", "v1", "elsewhere");

    try (var probe = BusProbe.requests(connections)) {
      // when
      var answer =
          http.delete(ALICE, TEAM + "/images/elsewhere/tags/v2?digest=" + pushed.digest().value());

      // then
      assertThat(answer.status()).as(answer.body()).isEqualTo(404);
      assertThat(answer.json().get("detail").asText())
          .isEqualTo(
              "Could not delete "
                  + ALICE_TEAM
                  + "/elsewhere:v2: the registry has no such image. Refresh the image list; it may"
                  + " have been deleted already.");
      assertThat(probe.drain()).isEmpty();
    }
  }

  @Test
  void queuesADeleteWithoutADigestUncheckedAsOlderClientsSendIt() {
    try (var probe = BusProbe.requests(connections)) {
      // when
      var answer = http.delete(ALICE, TEAM + "/images/never-pushed/tags/v1");

      // then
      assertThat(answer.status()).as(answer.body()).isEqualTo(202);
      var request = (DeleteRequested) probe.drain().get(0);
      assertThat(request.expectedDigest()).isEmpty();
    }
  }
}
