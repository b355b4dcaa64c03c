package org.ferry.exportworker.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.exportworker.export.ExportWorker.names;
import static org.ferry.exportworker.export.ExportWorker.request;

import java.nio.file.Path;
import java.util.UUID;
import org.ferry.contract.OperationFailed;
import org.ferry.failure.ReasonCodes;
import org.ferry.messaging.MessagePublisher;
import org.ferry.testing.LocalServices;
import org.ferry.testing.TestTeams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker reaches the real registry through a proxy on {@code PORT} that the tests start, stop
 * or have break off mid-download: a registry that is gone or goes away leaves no file behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(OperationEvents.Config.class)
@DirtiesContext // its worker must not take the requests of the other tests' workers
class RegistryFailureIT {

  private static final Path NAS = ExportWorker.newNas();
  private static final TestImages IMAGES = new TestImages();
  private static final int PORT = RegistryProxy.freePort();

  @Autowired MessagePublisher publisher;
  @Autowired OperationEvents events;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ExportWorker.properties(registry, NAS);
    registry.add("ferry.registry.address", () -> "127.0.0.1:" + PORT);
    registry.add("ferry.registry.attempts", () -> "2");
    registry.add("ferry.registry.backoff", () -> "100ms");
  }

  @AfterAll
  static void cleanUp() {
    IMAGES.deleteAll();
    ExportWorker.deleteTree(NAS);
  }

  @Test
  void failsWhenTheRegistryIsGoneAndLeavesNoFile() {
    // given: nothing listens where the worker expects the registry
    var team = TestTeams.unique("ea");
    var exported = ExportWorker.teamFolders(NAS, team);
    var image = IMAGES.pushWithMarker(team, "hello", "v1", "marker-" + UUID.randomUUID());
    var request = request(team, image, "gone", false);

    // when
    publisher.publish(request);
    var terminal = events.awaitTerminal(request.operationId());

    // then
    assertThat(terminal).isInstanceOf(OperationFailed.class);
    var failed = (OperationFailed) terminal;
    assertThat(failed.reason().label()).isEqualTo(ReasonCodes.UNAVAILABLE);
    assertThat(failed.message())
        .startsWith(
            "Could not read the manifest of "
                + team
                + "/hello:v1: the registry at 127.0.0.1:"
                + PORT
                + " is unreachable")
        .endsWith("Try again later; tell the operators if it persists.");
    assertThat(names(exported)).isEmpty();
  }

  @Test
  void failsWhenTheRegistryBreaksOffMidDownloadAndLeavesNoFile() throws Exception {
    // given: the registry connection breaks after 1 MiB of a 4 MiB layer
    var team = TestTeams.unique("ea");
    var exported = ExportWorker.teamFolders(NAS, team);
    var image = IMAGES.pushWithRandomLayer(team, "big", "v1", "marker-" + UUID.randomUUID(), 4);
    var request = request(team, image, "broken", false);

    try (var proxy = new RegistryProxy(PORT, LocalServices.registry(), 1024 * 1024)) {
      // when
      publisher.publish(request);
      var terminal = events.awaitTerminal(request.operationId());

      // then
      assertThat(terminal).isInstanceOf(OperationFailed.class);
      var failed = (OperationFailed) terminal;
      assertThat(failed.reason().label()).isEqualTo(ReasonCodes.UNAVAILABLE);
      assertThat(failed.message())
          .startsWith(
              "Could not export "
                  + team
                  + "/big:v1: the connection to the registry broke while downloading blob sha256:");
      assertThat(events.progress(request.operationId()))
          .as("the download had started, so a temporary file existed")
          .anyMatch(p -> p.done() > 0 && p.done() < p.total());
      assertThat(names(exported)).isEmpty();
    }
  }
}
