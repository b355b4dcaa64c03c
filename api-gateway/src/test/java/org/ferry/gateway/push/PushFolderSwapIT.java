package org.ferry.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;
import static org.ferry.gateway.testing.TestGateway.BOB_TEAM;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ferry.contract.PushRequested;
import org.ferry.gateway.testing.BusProbe;
import org.ferry.gateway.testing.GatewayIT;
import org.ferry.gateway.testing.TestGateway;
import org.ferry.nas.ArchiveClaims;
import org.ferry.testing.FolderSnapshot;
import org.ferry.testing.FolderSwapper;
import org.ferry.testing.FolderWatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * alice's team exchanges its {@code push-images} with a link to bob's team's, again and again,
 * while alice lists her push files and pushes through the API: no answer may name bob's files, no
 * claim may hold them, and inotify must see nothing at all in bob's folder.
 */
class PushFolderSwapIT extends GatewayIT {

  private static final int ROUNDS = 200;
  private static final String TEAM = "/api/v1/teams/" + ALICE_TEAM;

  @Autowired ArchiveClaims claims;

  @Test
  void listingsAndPushesNeverReachAnotherTeamsFolderWhileTheFolderIsSwapped() throws Exception {
    // given archives in alice's folder, and bob's folder holding files of the same names
    var aliceFolder = TestGateway.pushImages(ALICE_TEAM);
    var bobFolder = TestGateway.pushImages(BOB_TEAM);
    for (int i = 0; i < ROUNDS; i++) {
      Files.writeString(aliceFolder.resolve("swap-" + i + ".tar.gz"), "alice's archive " + i);
      Files.writeString(bobFolder.resolve("swap-" + i + ".tar.gz"), "bob's archive " + i);
    }
    Files.writeString(bobFolder.resolve("bob-only.tar.gz"), "bob's private archive");
    var before = FolderSnapshot.of(bobFolder);
    var answers = new TreeMap<String, Integer>();

    try (var probe = BusProbe.requests(connections);
        var watch = FolderWatch.start(bobFolder.getParent());
        var swapper = FolderSwapper.start(aliceFolder, bobFolder)) {
      // when alice lists and pushes while her team swaps the folder
      for (int i = 0; i < ROUNDS; i++) {
        var list = http.get(ALICE, TEAM + "/push-files");
        answers.merge("list." + list.status(), 1, Integer::sum);
        if (list.status() == 200) {
          assertThat(list.body()).doesNotContain("bob-only");
        }
        var push =
            http.post(
                ALICE, TEAM + "/pushes", Map.of("file", "swap-" + i + ".tar.gz", "image", "s"));
        answers.merge("push." + push.status(), 1, Integer::sum);
        assertThat(push.status()).as(push.body()).isIn(202, 400, 403, 404, 409);
      }
      answers.put("swaps", (int) swapper.swaps());
      swapper.close();

      // then bob's folder saw no access at all and is exactly as it was
      assertThat(watch.eventsBeforeMarker(bobFolder.getParent())).isEmpty();
      assertThat(FolderSnapshot.of(bobFolder)).isEqualTo(before);
      // and every accepted push holds one of alice's archives
      var requests = probe.drain();
      assertThat(requests).hasSize(answers.getOrDefault("push.202", 0));
      for (var message : requests) {
        var request = (PushRequested) message;
        var claim = claims.find(ALICE_TEAM, request.operationId()).orElseThrow();
        assertThat(claim.archive()).content().startsWith("alice's archive");
      }
    }
    removeSwapFiles(aliceFolder);
    removeSwapFiles(bobFolder);
    System.out.println("Push folder swap through the API: " + answers);
    assertThat(answers.get("swaps")).isGreaterThan(ROUNDS);
    assertThat(answers).containsKeys("list.200", "push.202");
    assertThat(answers.keySet()).anyMatch(key -> key.startsWith("push.4"));
  }

  /** Leaves the shared folders as the other tests expect them. */
  private static void removeSwapFiles(Path folder) throws IOException {
    try (Stream<Path> paths = Files.list(folder)) {
      for (var path : paths.toList()) {
        var name = path.getFileName().toString();
        if (name.startsWith("swap-") || name.startsWith("bob-only")) {
          Files.delete(path);
        }
      }
    }
  }
}
