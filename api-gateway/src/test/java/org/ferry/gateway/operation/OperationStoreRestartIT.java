package org.ferry.gateway.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ferry.gateway.ApiGatewayApplication;
import org.ferry.gateway.testing.Http;
import org.ferry.gateway.testing.TestGateway;
import org.ferry.testing.TestBroker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The operation store is a database file: what it recorded is still there after a restart. */
class OperationStoreRestartIT {

  @Test
  void anOperationSurvivesAGatewayRestart() {
    // given a gateway that accepted a push
    var nas = TestGateway.createTeamFolders(TestGateway.temporaryFolder(), ALICE_TEAM);
    var database = TestGateway.temporaryFolder().resolve("operations");
    var archive = nas.resolve(ALICE_TEAM.value()).resolve("push-images").resolve("kept.tar.gz");
    write(archive);
    String id;
    String before;
    try (var first = start(nas, database)) {
      var http = http(first);
      id =
          http.post(
                  ALICE,
                  "/api/v1/teams/" + ALICE_TEAM + "/pushes",
                  Map.of("file", "kept.tar.gz", "image", "kept:v1"))
              .json()
              .get("operationId")
              .asText();
      before = http.get(ALICE, "/api/v1/operations/" + id).body();
    }

    // when it is stopped and a new one starts on the same database
    try (var second = start(nas, database)) {
      var http = http(second);

      // then
      var after = http.get(ALICE, "/api/v1/operations/" + id);
      assertThat(after.status()).isEqualTo(200);
      assertThat(after.json()).isEqualTo(new Http.Response(200, "", before).json());
      assertThat(http.get(ALICE, "/api/v1/teams/" + ALICE_TEAM + "/operations").body())
          .contains(id);
    }
  }

  private static ConfigurableApplicationContext start(Path nas, Path database) {
    var properties = TestGateway.properties(nas, database, TestBroker.shared().amqpUri());
    properties.put("server.port", "0");
    // As command-line arguments, so they win over the environment's FERRY_* settings.
    return new SpringApplicationBuilder(ApiGatewayApplication.class)
        .run(
            properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new));
  }

  private static Http http(ConfigurableApplicationContext context) {
    return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  private static void write(Path file) {
    try {
      Files.writeString(file, "x");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
