package org.ferry.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;

import org.ferry.gateway.testing.BusProbe;
import org.ferry.gateway.testing.GatewayIT;
import org.ferry.gateway.testing.TestGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets a 400 problem that names the field and the rule, and nothing is published. */
class ValidationIT extends GatewayIT {

  private static final String TEAM = "/api/v1/teams/" + ALICE_TEAM;

  @BeforeAll
  static void archives() {
    TestGateway.dropArchive(ALICE_TEAM, "valid.tar.gz", "x");
    TestGateway.dropArchive(ALICE_TEAM, "notes.txt", "x");
  }

  @ParameterizedTest(name = "{0} {1} {2} -> field {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "POST | /pushes | {\"file\":\"valid.tar.gz\",\"image\":\"Hello:v1\"} | image | name",
        "POST | /pushes | {\"file\":\"valid.tar.gz\",\"image\":\"hello:-v1\"} | image | tag",
        "POST | /pushes | {\"file\":\"valid.tar.gz\",\"image\":\"hello:v1:v2\"} | image | ':'",
        "POST | /pushes | {\"file\":\"valid.tar.gz\",\"image\":\"hello--world\"} | image | separated",
        "POST | /pushes | {\"file\":\"valid.tar.gz\",\"image\":\"abcdefghijklmnopqrstuvwxyz0123\"} | image | 1-29",
        "POST | /pushes | {\"file\":\"valid.tar.gz\"} | image | required",
        "POST | /pushes | {\"file\":\"../valid.tar.gz\",\"image\":\"hello\"} | file | '/'",
        "POST | /pushes | {\"image\":\"hello\"} | file | required",
        "POST | /pushes | {\"file\":\"notes.txt\",\"image\":\"hello\"} | file | .tar.gz",
        "POST | /pushes | {\"file\":\"absent.tar.gz\",\"image\":\"hello\"} | file | push-images",
        "POST | /pushes | not json | body | JSON",
        "POST | /exports | {\"image\":\"hello:v1\",\"name\":\"copy\"} | image | '/'",
        "POST | /exports | {\"image\":\"Team/hello:v1\",\"name\":\"copy\"} | image | namespace",
        "POST | /exports | {\"image\":\"common/hello:v1\",\"name\":\"Copy Name\"} | name | lowercase",
        "POST | /exports | {\"image\":\"common/hello:v1\"} | name | lowercase",
        "DELETE | /images/Hello/tags/v1 | | name | lowercase",
        "DELETE | /images/hello/tags/.v1 | | tag | '.'",
        "DELETE | /images/hello/tags/v1?digest=sha256:ABC | | digest | sha256",
        "POST | /commits | {\"reservationId\":\"\",\"image\":\"snap\"} | reservationId | 1-128",
        "POST | /commits | {\"reservationId\":\"r-1\",\"image\":\"snap shot\"} | image | name",
      })
  void answersBadRequestNamingTheFieldAndRule(
      String method, String path, String body, String field, String ruleMentions) {
    try (var probe = BusProbe.requests(connections)) {
      // when
      var answer =
          method.equals("DELETE")
              ? http.delete(ALICE, TEAM + path)
              : http.post(ALICE, TEAM + path, body);

      // then
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().get("field").asText()).isEqualTo(field);
      assertThat(answer.json().get("rule").asText()).contains(ruleMentions.replace("'", ""));
      assertThat(answer.json().get("detail").asText()).isNotBlank();
      assertThat(probe.drain()).isEmpty();
    }
    assertThat(TestGateway.pushImages(ALICE_TEAM).resolve("valid.tar.gz")).exists();
  }

  @ParameterizedTest
  @CsvSource({"Team-A", "team--a", "a-team-name-that-is-much-too-long"})
  void answersBadRequestForATeamNameThatBreaksTheRule(String team) {
    // when
    var answer = http.get(ALICE, "/api/v1/teams/" + team + "/operations");

    // then
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo("team");
  }
}
