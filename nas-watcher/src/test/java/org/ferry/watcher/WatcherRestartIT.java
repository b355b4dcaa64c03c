package org.ferry.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ferry.watcher.WatcherFixtures.drop;
import static org.ferry.watcher.WatcherFixtures.gzipArchive;
import static org.ferry.watcher.WatcherFixtures.newTeam;
import static org.ferry.watcher.WatcherFixtures.pushImages;
import static org.ferry.watcher.WatcherFixtures.startWatcher;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.ferry.contract.FileName;
import org.ferry.contract.PushRequested;
import org.ferry.image.Team;
import org.ferry.metrics.FerryMetrics;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.Claim;
import org.ferry.nas.NasLayout;
import org.ferry.operation.OperationId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** What survives a restart of the watcher, and what happens while the broker is unreachable. */
class WatcherRestartIT {

  private static final Duration WITHIN = Duration.ofSeconds(30);

  @TempDir static Path nas;

  private static PublishedRequests requests;

  @BeforeAll
  static void connect() {
    gzipArchive();
    requests = new PublishedRequests();
  }

  @AfterAll
  static void disconnect() {
    requests.close();
  }

  @Test
  void aRestartedWatcherDoesNotPublishAgainNorTouchClaimsInProgress() throws IOException {
    // given a watcher that published an archive
    var team = newTeam(nas, "wrst");
    var claims = new ArchiveClaims(NasLayout.under(nas));
    PushRequested first;
    try (var watcher = startWatcher(nas)) {
      drop(gzipArchive(), nas, team, "once.tar.gz");
      first = await().atMost(WITHIN).until(() -> single(team), request -> request != null);
    }
    // and an older claim that a push worker holds, renews and has not finished
    var stale = staleClaim(team, "stale.tar.gz");
    var staleWritten = Files.getLastModifiedTime(stale);
    // and the records of two finished pushes, one past the seven days' retention
    var expired = finishedPush(claims, team, "expired.tar.gz", Duration.ofDays(8));
    var kept = finishedPush(claims, team, "kept.tar.gz", Duration.ofDays(6));
    assertThat(claims.completedResult(team, expired)).contains("pushed");

    // when the watcher starts again and publishes a new archive of the same team
    try (var watcher = startWatcher(nas)) {
      drop(gzipArchive(), nas, team, "after.tar.gz");
      await().atMost(WITHIN).until(() -> requests.forTeam(team).size() >= 2);
      WatcherFixtures.awaitMoreScans(watcher);
      // and forgets the finished push past its retention, but keeps the recent one
      await().atMost(WITHIN).until(() -> claims.completedResult(team, expired).isEmpty());
      assertThat(claims.completedResult(team, kept)).contains("pushed");
    }

    // then the first archive was not published again and both claims are as they were
    assertThat(requests.forTeam(team))
        .extracting(request -> request.file().value())
        .containsExactly("once.tar.gz", "after.tar.gz");
    assertThat(claims.find(team, first.operationId())).isPresent();
    assertThat(stale).exists();
    assertThat(Files.getLastModifiedTime(stale)).isEqualTo(staleWritten);
    assertThat(pushImages(nas, team).resolve("stale.tar.gz")).doesNotExist();
  }

  @Test
  void anArchiveWhoseRequestCannotBeSentGoesBackWithoutANoteAndIsPublishedLater()
      throws IOException {
    // given a watcher whose broker is unreachable
    var team = newTeam(nas, "wdown");
    var archive = pushImages(nas, team).resolve("later.tar.gz");
    var claims = new ArchiveClaims(NasLayout.under(nas));
    try (var watcher = startWatcher(nas, "--spring.rabbitmq.addresses=amqp://127.0.0.1:1/ferry")) {
      // when it finds a complete archive and tries to publish it, twice
      drop(gzipArchive(), nas, team, "later.tar.gz");
      await().atMost(WITHIN).until(() -> deferred(watcher) >= 2);
    }

    // then the archive is back where it was, without a note, and not claimed
    assertThat(Files.mismatch(archive, gzipArchive())).isEqualTo(-1L);
    assertThat(archive.resolveSibling("later.tar.gz.error")).doesNotExist();
    assertThat(claims.claimedBy(team, FileName.of("later.tar.gz"))).isEmpty();
    assertThat(requests.forTeam(team)).isEmpty();

    // and once the broker can be reached it is published
    try (var watcher = startWatcher(nas)) {
      var request = await().atMost(WITHIN).until(() -> single(team), r -> r != null);
      assertThat(request.file()).isEqualTo(FileName.of("later.tar.gz"));
    }
  }

  private static PushRequested single(Team team) {
    var published = requests.forTeam(team);
    assertThat(published).hasSizeLessThanOrEqualTo(1);
    return published.isEmpty() ? null : published.get(0);
  }

  private static double deferred(ConfigurableApplicationContext watcher) {
    return watcher
        .getBean(MeterRegistry.class)
        .get(FerryMetrics.WATCHER_ARCHIVES)
        .tag(FerryMetrics.TAG_OUTCOME, FerryMetrics.OUTCOME_DEFERRED)
        .counter()
        .count();
  }

  /** The record a push worker leaves when it finished a push {@code age} ago. */
  private static OperationId finishedPush(
      ArchiveClaims claims, Team team, String file, Duration age) throws IOException {
    Files.writeString(pushImages(nas, team).resolve(file), "archive");
    var claim = claims.claim(team, FileName.of(file), OperationId.random());
    claims.complete(claim, "pushed");
    try (var records = Files.list(claim.archive().getParent())) {
      for (var record : records.toList()) {
        Files.setLastModifiedTime(record, FileTime.from(Instant.now().minus(age)));
      }
    }
    return claim.operationId();
  }

  /**
   * A claim two days old without a result, as a push worker that is still busy leaves it: the
   * worker renews the claim's lease while it works.
   */
  private static Path staleClaim(Team team, String file) throws IOException {
    var operation = OperationId.random();
    var folder = NasLayout.under(nas).claimsFolder(team).resolve(operation.value());
    Files.createDirectories(folder);
    var archive = Files.copy(gzipArchive(), folder.resolve(file));
    var twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
    Files.setLastModifiedTime(archive, twoDaysAgo);
    Files.setLastModifiedTime(folder, twoDaysAgo);
    new ArchiveClaims(NasLayout.under(nas))
        .renewLease(new Claim(team, operation, FileName.of(file), archive));
    return archive;
  }
}
