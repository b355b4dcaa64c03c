package org.ferry.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.ferry.contract.FileName;
import org.ferry.contract.PushRequested;
import org.ferry.gateway.testing.BusProbe;
import org.ferry.gateway.testing.GatewayIT;
import org.ferry.gateway.testing.TestGateway;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.nas.ArchiveClaims;
import org.ferry.operation.OperationId;
import org.ferry.operation.Source;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Pushing through the API: what is published, what happens to the archive, and what is listed. */
class PushApiIT extends GatewayIT {

  private static final String TEAM = "/api/v1/teams/" + ALICE_TEAM;

  @Autowired ArchiveClaims claims;

  @Test
  void publishesAPushRequestAndClaimsTheArchiveBeforeAnswering() {
    // given
    TestGateway.dropArchive(ALICE_TEAM, "Hello World.tar.gz", "archive bytes");

    try (var probe = BusProbe.requests(connections)) {
      // when
      var answer =
          http.post(
              ALICE, TEAM + "/pushes", Map.of("file", "Hello World.tar.gz", "image", "hello:v1"));

      // then
      assertThat(answer.status()).as(answer.body()).isEqualTo(202);
      var id = OperationId.of(answer.json().get("operationId").asText());
      assertThat(probe.drain())
          .singleElement()
          .isInstanceOfSatisfying(
              PushRequested.class,
              request -> {
                assertThat(request.operationId()).isEqualTo(id);
                assertThat(request.team()).isEqualTo(ALICE_TEAM);
                assertThat(request.file()).isEqualTo(FileName.of("Hello World.tar.gz"));
                assertThat(request.image()).isEqualTo(ImageName.of("hello"));
                assertThat(request.tag()).isEqualTo(Tag.of("v1"));
                assertThat(request.source()).isEqualTo(Source.API);
                assertThat(request.requestedBy()).isEqualTo(ALICE);
              });
      assertThat(TestGateway.pushImages(ALICE_TEAM).resolve("Hello World.tar.gz")).doesNotExist();
      assertThat(claims.claimedBy(ALICE_TEAM, FileName.of("Hello World.tar.gz"))).contains(id);
      var operation = http.get(ALICE, "/api/v1/operations/" + id).json();
      assertThat(operation.get("status").asText()).isEqualTo("QUEUED");
      assertThat(operation.get("kind").asText()).isEqualTo("push");
      assertThat(operation.get("source").asText()).isEqualTo("api");
      assertThat(operation.get("requestedBy").asText()).isEqualTo(ALICE);
      assertThat(operation.get("message").asText())
          .isEqualTo("Pushing Hello World.tar.gz to " + ALICE_TEAM + "/hello:v1");
    }
  }

  @Test
  void anImageWithoutTagIsPushedAsLatest() {
    // given
    TestGateway.dropArchive(ALICE_TEAM, "untagged.tar", "x");

    try (var probe = BusProbe.requests(connections)) {
      // when
      var answer =
          http.post(ALICE, TEAM + "/pushes", Map.of("file", "untagged.tar", "image", "plain"));

      // then
      assertThat(answer.status()).isEqualTo(202);
      assertThat(probe.drain())
          .singleElement()
          .isInstanceOfSatisfying(
              PushRequested.class, request -> assertThat(request.tag()).isEqualTo(Tag.LATEST));
    }
  }

  @Test
  void answersConflictWithTheRunningOperationForAnArchiveAlreadyBeingPushed() {
    // given
    TestGateway.dropArchive(ALICE_TEAM, "twice.tar.gz", "first copy");
    var first =
        http.post(ALICE, TEAM + "/pushes", Map.of("file", "twice.tar.gz", "image", "twice"));
    // The user drops a new copy under the same name while the first is still being pushed.
    TestGateway.dropArchive(ALICE_TEAM, "twice.tar.gz", "second copy");

    try (var probe = BusProbe.requests(connections)) {
      // when
      var second =
          http.post(ALICE, TEAM + "/pushes", Map.of("file", "twice.tar.gz", "image", "twice"));

      // then
      assertThat(second.status()).isEqualTo(409);
      assertThat(second.json().get("operationId").asText())
          .isEqualTo(first.json().get("operationId").asText());
      assertThat(probe.drain()).isEmpty();
    }
  }

  @Test
  void listsPushFilesWithWhetherAndWhyNotTheyCanBePushed() throws Exception {
    // given
    var folder = TestGateway.pushImages(ALICE_TEAM);
    TestGateway.dropArchive(ALICE_TEAM, "ready.tar.gz", "12345");
    TestGateway.dropArchive(ALICE_TEAM, "readme.md", "x");
    var failed = TestGateway.dropArchive(ALICE_TEAM, "broken.tar", "x");
    var error = TestGateway.dropArchive(ALICE_TEAM, "broken.tar.error", "Could not push: bad.\n");
    Files.setLastModifiedTime(failed, FileTime.from(Instant.now().minusSeconds(60)));
    var fixed = TestGateway.dropArchive(ALICE_TEAM, "fixed.tar", "x");
    Files.setLastModifiedTime(
        TestGateway.dropArchive(ALICE_TEAM, "fixed.tar.error", "old failure"),
        FileTime.from(Instant.now().minusSeconds(60)));
    Files.createSymbolicLink(folder.resolve("linked.tar.gz"), folder.resolve("ready.tar.gz"));
    TestGateway.dropArchive(ALICE_TEAM, ".partial.tar.gz", "x");

    // when
    var answer = http.get(ALICE, TEAM + "/push-files");

    // then
    assertThat(answer.status()).isEqualTo(200);
    var files = new HashMap<String, JsonNode>();
    answer.json().forEach(file -> files.put(file.get("name").asText(), file));
    assertThat(files).doesNotContainKeys("broken.tar.error", "fixed.tar.error", ".partial.tar.gz");
    assertThat(files.get("ready.tar.gz").get("pushable").asBoolean()).isTrue();
    assertThat(files.get("ready.tar.gz").get("size").asLong()).isEqualTo(5);
    assertThat(files.get("ready.tar.gz").get("reason").isNull()).isTrue();
    assertThat(files.get("fixed.tar").get("pushable").asBoolean()).isTrue();
    assertThat(files.get("readme.md").get("reason").asText()).contains("not an archive");
    assertThat(files.get("broken.tar").get("pushable").asBoolean()).isFalse();
    assertThat(files.get("broken.tar").get("reason").asText())
        .contains("last push failed")
        .contains("Could not push: bad.");
    assertThat(files.get("linked.tar.gz").get("reason").asText()).contains("link");
    assertThat(error).exists();
  }

  @Test
  void listsNamesFerryCannotTakeAsNotPushableAndStillListsTheRest() throws Exception {
    // given a good archive, a 255-byte name and a name that is not UTF-8 (made by a shell)
    var folder = TestGateway.pushImages(ALICE_TEAM);
    TestGateway.dropArchive(ALICE_TEAM, "fine.tar.gz", "x");
    var longName = "l".repeat(248) + ".tar.gz";
    TestGateway.dropArchive(ALICE_TEAM, longName, "x");
    var made =
        new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'odd\\377name.tar.gz')\"")
            .directory(folder.toFile())
            .inheritIO()
            .start();
    assertThat(made.waitFor()).isZero();

    try {
      // when
      var answer = http.get(ALICE, TEAM + "/push-files");

      // then
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      var files = new HashMap<String, JsonNode>();
      answer.json().forEach(file -> files.put(file.get("name").asText(), file));
      assertThat(files.get("fine.tar.gz").get("pushable").asBoolean()).isTrue();
      assertThat(files.get(longName).get("reason").asText()).contains("longer than 249 bytes");
      assertThat(files.get("odd?name.tar.gz").get("reason").asText()).contains("not valid UTF-8");
      var push = http.post(ALICE, TEAM + "/pushes", Map.of("file", longName, "image", "long"));
      assertThat(push.status()).isEqualTo(400);
      assertThat(push.body()).contains("249 bytes");
    } finally {
      new ProcessBuilder("sh", "-c", "rm -f odd*name.tar.gz fine.tar.gz l*.tar.gz")
          .directory(folder.toFile())
          .start()
          .waitFor();
    }
  }

  @Test
  void countsPublishedRequestsForPrometheus() {
    // given
    TestGateway.dropArchive(ALICE_TEAM, "counted.tar.gz", "x");
    http.post(ALICE, TEAM + "/pushes", Map.of("file", "counted.tar.gz", "image", "counted"));

    // when
    var metrics = http.get(null, "/actuator/prometheus", "text/plain");

    // then
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern(
            "ferry_operations_requested_total\\{[^}]*operation=\"push\"[^}]*source=\"api\"[^}]*\\}"
                + " [1-9]")
        .contains("http_server_requests_seconds_bucket");
  }
}
