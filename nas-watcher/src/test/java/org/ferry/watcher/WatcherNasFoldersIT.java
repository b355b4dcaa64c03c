package org.ferry.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ferry.watcher.WatcherFixtures.gzipArchive;
import static org.ferry.watcher.WatcherFixtures.newTeam;
import static org.ferry.watcher.WatcherFixtures.pushImages;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.ferry.contract.FileName;
import org.ferry.contract.OperationFailed;
import org.ferry.failure.PermanentFailure;
import org.ferry.messaging.FerryMessageConverter;
import org.ferry.messaging.MessagingAutoConfiguration;
import org.ferry.messaging.Topology;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.NasEntry;
import org.ferry.nas.NasLayout;
import org.ferry.operation.OperationId;
import org.ferry.testing.FolderSnapshot;
import org.ferry.testing.FolderSwapper;
import org.ferry.testing.FolderWatch;
import org.ferry.testing.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The running watcher against hostile and abandoned folders: a team that swaps its {@code
 * push-images} for a link to another team's, and a claim whose worker died.
 */
class WatcherNasFoldersIT {

  private static final int ARCHIVES = 40;

  @TempDir Path nas;

  @Test
  void aTeamSwappingItsFolderForALinkNeverMakesTheWatcherTouchAnotherTeamsFolder()
      throws Exception {
    // given team-a's archives, good and broken, and team-b's files under the same names (team-b
    // has automatic push off, so nothing of Ferry's has any business in its folder)
    var teamA = newTeam(nas, "wsa");
    var teamB = newTeam(nas, "wsb");
    var folderA = pushImages(nas, teamA);
    var folderB = pushImages(nas, teamB);
    for (int i = 0; i < ARCHIVES; i++) {
      var name = "swap-" + i + ".tar.gz";
      if (i % 2 == 0) {
        Files.copy(gzipArchive(), folderA.resolve(name));
      } else {
        Files.writeString(folderA.resolve(name), "team-a's broken archive " + i);
      }
      Files.writeString(folderB.resolve(name), "team-b's file " + i);
    }
    var before = FolderSnapshot.of(folderB);
    var requests = new PublishedRequests();

    try (var watch = FolderWatch.start(folderB.getParent());
        var swapper = FolderSwapper.start(folderA, folderB);
        var watcher =
            WatcherFixtures.startWatcher(nas, "--ferry.watcher.disabled-teams=" + teamB)) {
      // when the watcher works through team-a's folder while it is being swapped
      await("every archive of team-a claimed, or given back with a note")
          .atMost(Duration.ofMinutes(2))
          .until(() -> waiting(teamA) == 0);
      var swaps = swapper.swaps();
      swapper.close();

      // then team-b's folder saw no access and is as it was
      assertThat(watch.eventsBeforeMarker(folderB.getParent())).isEmpty();
      assertThat(FolderSnapshot.of(folderB)).isEqualTo(before);
      assertThat(swaps).isGreaterThan(ARCHIVES);
      // and every published request holds one of team-a's good archives; a claim whose give-back
      // met the link stays in Ferry's folder until the stale-claim sweep returns it
      var claims = watcher.getBean(ArchiveClaims.class);
      assertThat(requests.forTeam(teamA)).isNotEmpty().hasSizeLessThanOrEqualTo(ARCHIVES / 2);
      for (var request : requests.forTeam(teamA)) {
        var claim = claims.find(teamA, request.operationId()).orElseThrow();
        assertThat(Files.mismatch(claim.archive(), gzipArchive())).isEqualTo(-1L);
      }
      try (Stream<Path> claimed = Files.walk(NasLayout.under(nas).claimsFolder(teamA))) {
        for (var file : claimed.filter(Files::isRegularFile).toList()) {
          if (!file.getFileName().toString().startsWith(".")) {
            assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                .doesNotStartWith("team-b");
          }
        }
      }
      System.out.println("Watcher folder swap: " + swaps + " swaps, team-b untouched");
    } finally {
      requests.close();
    }
  }

  @Test
  void aClaimWhoseWorkerDiedComesBackWithANoteAndItsOperationFails() throws Exception {
    // given an archive claimed for an operation whose worker was killed mid-push
    var team = newTeam(nas, "wst");
    var folder = pushImages(nas, team);
    Files.copy(gzipArchive(), folder.resolve("orphan.tar.gz"));
    var operation = OperationId.random();
    var claims = new ArchiveClaims(NasLayout.under(nas));
    var claim = claims.claim(team, FileName.of("orphan.tar.gz"), operation);
    claims.renewLease(claim);

    try (var failures = new FailedEvents();
        var watcher =
            WatcherFixtures.startWatcher(
                nas,
                "--ferry.watcher.stale-claim-after=3s",
                "--ferry.watcher.disabled-teams=" + team)) {
      // when nobody renews the claim for longer than the stale age
      await("the archive back in push-images")
          .atMost(Duration.ofSeconds(30))
          .until(() -> Files.exists(folder.resolve("orphan.tar.gz")));

      // then it is the same archive, its note says why, and its operation is reported FAILED
      assertThat(Files.mismatch(folder.resolve("orphan.tar.gz"), gzipArchive())).isEqualTo(-1L);
      assertThat(folder.resolve("orphan.tar.gz.error")).content().contains("no worker finished it");
      var failed =
          await("the FAILED event")
              .atMost(Duration.ofSeconds(10))
              .until(() -> failures.received(operation), java.util.Objects::nonNull);
      assertThat(failed.message()).contains("no worker finished it");
      assertThat(claims.claimedBy(team, FileName.of("orphan.tar.gz"))).isEmpty();
    }
  }

  /**
   * Archives still in the team's folder that have no note: the watcher has yet to take them. The
   * test reads the folder as Ferry does, without following the link the swapper puts in its place;
   * -1 while the link is there.
   */
  private long waiting(org.ferry.image.Team team) throws IOException {
    try (var folder = NasLayout.under(nas).openPushImages(team)) {
      var names = folder.list().stream().map(NasEntry::name).toList();
      return names.stream()
          .filter(name -> name.endsWith(".tar.gz"))
          .filter(name -> !names.contains(name + ".error"))
          .count();
    } catch (PermanentFailure swappedForALink) {
      return -1;
    }
  }

  /** The failed events published on {@code ferry.events}, as another system would see them. */
  private static final class FailedEvents implements AutoCloseable {
    private final CachingConnectionFactory connections =
        new CachingConnectionFactory(URI.create(TestBroker.shared().amqpUri()));
    private final RabbitTemplate template = new RabbitTemplate(connections);
    private final FerryMessageConverter converter =
        new FerryMessageConverter(MessagingAutoConfiguration.messageMapper(), "/ferry/test");
    private final String queue;

    FailedEvents() {
      var admin = new RabbitAdmin(connections);
      var events = new TopicExchange(Topology.EVENTS_EXCHANGE, true, false);
      admin.declareExchange(events);
      var own = admin.declareQueue();
      admin.declareBinding(BindingBuilder.bind(own).to(events).with(OperationFailed.TYPE));
      queue = own.getName();
    }

    OperationFailed received(OperationId operation) {
      for (var message = template.receive(queue);
          message != null;
          message = template.receive(queue)) {
        var failed = (OperationFailed) converter.fromMessage(message);
        if (failed.operationId().equals(operation)) {
          return failed;
        }
      }
      return null;
    }

    @Override
    public void close() {
      connections.destroy();
    }
  }
}
