package org.ferry.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;
import org.ferry.gateway.ApiGatewayApplication;
import org.ferry.gateway.testing.Http;
import org.ferry.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * With no broker to confirm a request, the gateway answers 503 and leaves no trace: the archive is
 * back where it was, without an error note, and no operation is recorded.
 */
class BrokerDownIT {

  @Test
  void answersServiceUnavailableAndRecordsNothingWhenTheBrokerIsUnreachable() throws IOException {
    // given a gateway whose broker address is a port nobody listens on
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var nas = TestGateway.createTeamFolders(TestGateway.temporaryFolder(), ALICE_TEAM);
    var pushImages = nas.resolve(ALICE_TEAM.value()).resolve("push-images");
    Files.writeString(pushImages.resolve("waiting.tar.gz"), "archive");
    var properties =
        TestGateway.properties(
            nas,
            TestGateway.temporaryFolder().resolve("operations"),
            "amqp://guest:guest@127.0.0.1:" + closedPort + "/ferry");
    properties.put("server.port", "0");
    var arguments =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);

    try (var context = new SpringApplicationBuilder(ApiGatewayApplication.class).run(arguments)) {
      var http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
      var team = "/api/v1/teams/" + ALICE_TEAM;

      // when
      var push =
          http.post(ALICE, team + "/pushes", Map.of("file", "waiting.tar.gz", "image", "waiting"));
      var export =
          http.post(ALICE, team + "/exports", Map.of("image", "common/base:1", "name", "base"));
      var delete = http.delete(ALICE, team + "/images/waiting/tags/latest");

      // then
      assertThat(push.status()).as(push.body()).isEqualTo(503);
      assertThat(push.contentType()).startsWith("application/problem+json");
      assertThat(push.json().get("detail").asText()).contains("broker");
      assertThat(export.status()).isEqualTo(503);
      assertThat(delete.status()).isEqualTo(503);
      assertThat(Files.readString(pushImages.resolve("waiting.tar.gz"))).isEqualTo("archive");
      assertThat(pushImages.resolve("waiting.tar.gz.error")).doesNotExist();
      assertThat(http.get(ALICE, team + "/operations").json()).isEmpty();
      assertThat(http.get(ALICE, team + "/push-files").json().get(0).get("pushable").asBoolean())
          .isTrue();
    }
  }
}
