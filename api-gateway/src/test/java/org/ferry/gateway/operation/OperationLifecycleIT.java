package org.ferry.gateway.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import org.ferry.contract.DeleteRequested;
import org.ferry.contract.FileName;
import org.ferry.contract.OperationFailed;
import org.ferry.contract.OperationProgressed;
import org.ferry.contract.OperationStarted;
import org.ferry.contract.OperationSucceeded;
import org.ferry.contract.PushRequested;
import org.ferry.gateway.testing.GatewayIT;
import org.ferry.gateway.testing.Http;
import org.ferry.gateway.testing.TestGateway;
import org.ferry.image.Digest;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.messaging.FerryMessageConverter;
import org.ferry.messaging.MessagingAutoConfiguration;
import org.ferry.messaging.Topology;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Source;
import org.ferry.operation.Stage;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The operation store follows the bus as the workers drive it: here the test publishes the events a
 * worker would, with the same publisher the workers use.
 */
class OperationLifecycleIT extends GatewayIT {

  private static final String TEAM = "/api/v1/teams/" + ALICE_TEAM;
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void goesFromQueuedToRunningToSucceededAndKeepsItsFirstTerminalResult() {
    // given
    TestGateway.dropArchive(ALICE_TEAM, "lifecycle.tar.gz", "x");
    var id =
        accept(
            http.post(
                ALICE, TEAM + "/pushes", Map.of("file", "lifecycle.tar.gz", "image", "life:v1")));
    assertThat(status(id)).isEqualTo("QUEUED");

    // when a worker takes it on and reports progress
    publisher.publish(
        new OperationStarted(id, ALICE_TEAM, Instant.now(), OperationKind.PUSH, "it"));
    publisher.publish(
        new OperationProgressed(
            id, ALICE_TEAM, Instant.now(), OperationKind.PUSH, Stage.UPLOADING, 40, 100));

    // then
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var operation = operation(id);
              assertThat(operation.get("status").asText()).isEqualTo("RUNNING");
              assertThat(operation.at("/progress/stage").asText()).isEqualTo("uploading");
              assertThat(operation.at("/progress/done").asLong()).isEqualTo(40);
              assertThat(operation.at("/progress/total").asLong()).isEqualTo(100);
            });

    // when it succeeds, and a late failure and a second success arrive after
    var digest = "sha256:" + "ab".repeat(32);
    publisher.publish(
        new OperationSucceeded(
            id,
            ALICE_TEAM,
            Instant.now(),
            OperationKind.PUSH,
            "Pushed " + ALICE_TEAM + "/life:v1",
            Map.of("digest", digest, "reference", "127.0.0.1:5000/" + ALICE_TEAM + "/life:v1")));
    publisher.publish(
        new OperationFailed(
            id,
            ALICE_TEAM,
            Instant.now(),
            OperationKind.PUSH,
            "internal",
            "Could not push: late."));
    publisher.publish(
        new OperationSucceeded(
            id, ALICE_TEAM, Instant.now(), OperationKind.PUSH, "a duplicate", Map.of()));
    publisher.publish(
        new OperationProgressed(
            id, ALICE_TEAM, Instant.now(), OperationKind.PUSH, Stage.VERIFYING, 1, 2));
    awaitStoreCaughtUp();

    // then
    var operation = operation(id);
    assertThat(operation.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(operation.get("message").asText()).isEqualTo("Pushed " + ALICE_TEAM + "/life:v1");
    assertThat(operation.at("/result/digest").asText()).isEqualTo(digest);
    assertThat(operation.at("/progress/stage").asText()).isEqualTo("uploading");
  }

  @Test
  void keepsTheFirstFailureOverALaterSuccess() {
    // given
    var id = OperationId.random();
    publisher.publish(pushRequest(id, "ci-system"));
    publisher.publish(
        new OperationFailed(
            id,
            ALICE_TEAM,
            Instant.now(),
            OperationKind.PUSH,
            "bad-archive",
            "Could not push: x."));

    // when
    publisher.publish(
        new OperationSucceeded(
            id, ALICE_TEAM, Instant.now(), OperationKind.PUSH, "late", Map.of()));
    awaitStoreCaughtUp();

    // then
    assertThat(status(id)).isEqualTo("FAILED");
    assertThat(operation(id).get("message").asText()).isEqualTo("Could not push: x.");
  }

  @Test
  void keepsWhatAFailureDetailsAsTheOperationsResult() {
    // given
    var id = OperationId.random();
    var current = "sha256:" + "cd".repeat(32);
    publisher.publish(
        new DeleteRequested(
            id,
            ALICE_TEAM,
            Instant.now(),
            "alice",
            Source.PAGE,
            ImageName.of("moved"),
            Tag.of("v1"),
            false,
            Digest.of("sha256:" + "ef".repeat(32))));

    // when
    publisher.publish(
        new OperationFailed(
            id,
            ALICE_TEAM,
            Instant.now(),
            OperationKind.DELETE,
            "conflict",
            "Could not delete " + ALICE_TEAM + "/moved:v1: the tag now points at " + current + ".",
            Map.of("currentDigest", current)));

    // then
    await().atMost(WAIT).until(() -> "FAILED".equals(status(id)));
    assertThat(operation(id).at("/result/currentDigest").asText()).isEqualTo(current);
  }

  @Test
  void listsAPushThatAnotherSystemPublishedOnTheBus() {
    // given
    var id = OperationId.random();

    // when
    publisher.publish(pushRequest(id, "ci-system"));

    // then
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var listed = find(http.get(ALICE, TEAM + "/operations").json(), id);
              assertThat(listed).isNotNull();
              assertThat(listed.get("source").asText()).isEqualTo("amqp");
              assertThat(listed.get("requestedBy").asText()).isEqualTo("ci-system");
              assertThat(listed.get("status").asText()).isEqualTo("QUEUED");
            });
  }

  @Test
  void handlesAnEventThatArrivesBeforeItsRequest() {
    // given
    var id = OperationId.random();

    // when
    publisher.publish(
        new OperationStarted(id, ALICE_TEAM, Instant.now(), OperationKind.PUSH, "it"));
    publisher.publish(pushRequest(id, "late-request"));
    awaitStoreCaughtUp();

    // then
    var operation = operation(id);
    assertThat(operation.get("status").asText()).isEqualTo("RUNNING");
    assertThat(operation.get("source").asText()).isEqualTo("amqp");
    assertThat(operation.get("requestedBy").asText()).isEqualTo("late-request");
    assertThat(operation.get("message").asText()).startsWith("Pushing archive.tar.gz");
  }

  @Test
  void endsARequestThatWasDeadLetteredAsFailedWithTheReason() {
    // given a work queue that dead-letters like Ferry's, which rejects the request
    var admin = new RabbitAdmin(connections);
    var key = "it.dead." + UUID.randomUUID();
    var work = Topology.workQueue("ferry.it." + UUID.randomUUID());
    var queue = admin.declareQueue(work);
    admin.declareBinding(Topology.bind(work, new TopicExchange(Topology.REQUESTS_EXCHANGE), key));
    var template = new RabbitTemplate(connections);
    template.setMessageConverter(
        new FerryMessageConverter(MessagingAutoConfiguration.messageMapper(), "/ferry/it"));
    var id = OperationId.random();
    template.convertAndSend(Topology.REQUESTS_EXCHANGE, key, pushRequest(id, "poison"));

    try {
      // when
      // (a quorum queue makes the message visible once its log has it, so ask until it is there)
      await().atMost(WAIT).until(() -> rejectNext(template, queue));

      // then
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                var operation = operation(id);
                assertThat(operation.get("status").asText()).isEqualTo("FAILED");
                assertThat(operation.get("message").asText())
                    .contains("the request could not be processed (dead-lettered: rejected)")
                    .contains(id.value());
              });
    } finally {
      admin.deleteQueue(queue);
    }
  }

  @Test
  void streamsTheTeamsChangesAsServerSentEvents() throws Exception {
    // given
    var lines = new LinkedBlockingQueue<String>();
    var request =
        HttpRequest.newBuilder(http.uri(TEAM + "/operations/stream"))
            .header("Authorization", Http.basic(ALICE))
            .header("Accept", "text/event-stream")
            .build();
    var stream = http.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    stream.thenAccept(response -> response.body().forEach(lines::add));
    await().atMost(WAIT).until(() -> lines.contains("event:ready"));
    var id = OperationId.random();

    // when
    publisher.publish(pushRequest(id, "streamed"));
    publisher.publish(
        new OperationStarted(id, ALICE_TEAM, Instant.now(), OperationKind.PUSH, "it"));

    // then
    await()
        .atMost(WAIT)
        .until(
            () ->
                lines.stream()
                    .anyMatch(
                        line ->
                            line.startsWith("data:")
                                && line.contains(id.value())
                                && line.contains("\"status\":\"RUNNING\"")));
    assertThat(lines).contains("event:operation");
    stream.cancel(true);
  }

  private static boolean rejectNext(RabbitTemplate template, String queue) {
    return Boolean.TRUE.equals(
        template.execute(
            channel -> {
              var delivery = channel.basicGet(queue, false);
              if (delivery == null) {
                return false;
              }
              channel.basicReject(delivery.getEnvelope().getDeliveryTag(), false);
              return true;
            }));
  }

  /**
   * Waits until a marker published after everything else has been recorded: the store reads its
   * queue in order with one consumer, so whatever was published before has been applied too.
   */
  private void awaitStoreCaughtUp() {
    var marker = OperationId.random();
    publisher.publish(pushRequest(marker, "marker"));
    await()
        .atMost(WAIT)
        .until(() -> http.get(ALICE, "/api/v1/operations/" + marker).status() == 200);
  }

  private static PushRequested pushRequest(OperationId id, String requestedBy) {
    return new PushRequested(
        id,
        ALICE_TEAM,
        Instant.now(),
        requestedBy,
        Source.AMQP,
        FileName.of("archive.tar.gz"),
        ImageName.of("archive"),
        Tag.LATEST);
  }

  private OperationId accept(Http.Response answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    return OperationId.of(answer.json().get("operationId").asText());
  }

  private JsonNode operation(OperationId id) {
    var answer = http.get(ALICE, "/api/v1/operations/" + id);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private String status(OperationId id) {
    return operation(id).get("status").asText();
  }

  private static JsonNode find(JsonNode operations, OperationId id) {
    for (var operation : operations) {
      if (operation.get("id").asText().equals(id.value())) {
        return operation;
      }
    }
    return null;
  }
}
