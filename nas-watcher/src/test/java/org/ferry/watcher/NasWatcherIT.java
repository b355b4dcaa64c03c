package org.ferry.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ferry.watcher.WatcherFixtures.QUIET;
import static org.ferry.watcher.WatcherFixtures.awaitMoreScans;
import static org.ferry.watcher.WatcherFixtures.drop;
import static org.ferry.watcher.WatcherFixtures.gzipArchive;
import static org.ferry.watcher.WatcherFixtures.pushImages;
import static org.ferry.watcher.WatcherFixtures.tarArchive;
import static org.hamcrest.Matchers.hasSize;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.ferry.contract.FileName;
import org.ferry.contract.PushRequested;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.metrics.FerryMetrics;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.NasLayout;
import org.ferry.operation.Source;
import org.ferry.testing.TestTeams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The watcher on a real NAS folder tree, publishing to the real broker. */
class NasWatcherIT {

  private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(30);
  private static final Team SWITCHED_OFF = TestTeams.unique("woff");

  @TempDir static Path nas;

  private static PublishedRequests requests;
  private static ConfigurableApplicationContext watcher;
  private static ArchiveClaims claims;

  @BeforeAll
  static void startWatcher() {
    gzipArchive();
    requests = new PublishedRequests();
    watcher = WatcherFixtures.startWatcher(nas, "--ferry.watcher.disabled-teams=" + SWITCHED_OFF);
    claims = watcher.getBean(ArchiveClaims.class);
  }

  @AfterAll
  static void stopWatcher() {
    watcher.close();
    requests.close();
  }

  @Test
  void publishesACompleteArchiveExactlyOnce() throws IOException {
    // given a team that drops a complete archive
    var team = newTeam("wpub");
    drop(gzipArchive(), nas, team, "hello.tar.gz");

    // when the watcher has seen it quiet for the quiet period
    var request = awaitOneRequest(team);

    // then one request names the file, the image from its stem and the tag from its RepoTags
    assertThat(request.file()).isEqualTo(FileName.of("hello.tar.gz"));
    assertThat(request.image()).isEqualTo(ImageName.of("hello"));
    assertThat(request.tag()).isEqualTo(Tag.of(WatcherFixtures.IMAGE_TAG));
    assertThat(request.source()).isEqualTo(Source.WATCHER);
    assertThat(request.requestedBy()).isEqualTo("nas-watcher");
    // and the archive was taken out of push-images into the operation's claim
    assertThat(pushImages(nas, team).resolve("hello.tar.gz")).doesNotExist();
    var claim = claims.find(team, request.operationId()).orElseThrow();
    assertThat(Files.mismatch(claim.archive(), gzipArchive())).isEqualTo(-1L);

    // and it is never published again
    awaitMoreScans(watcher);
    assertThat(requests.forTeam(team)).hasSize(1);
  }

  @Test
  void takesPlainTarArchivesWithTheirTag() {
    // given a plain tar archive named .tar
    var team = newTeam("wtar");
    drop(tarArchive(), nas, team, "plain.tar");

    // when / then
    var request = awaitOneRequest(team);
    assertThat(request.image()).isEqualTo(ImageName.of("plain"));
    assertThat(request.tag()).isEqualTo(Tag.of(WatcherFixtures.IMAGE_TAG));
  }

  @Test
  void doesNotPublishAnArchiveWhileItIsStillBeingWritten() throws IOException {
    // given an archive written in 15 pieces, one every 300 ms
    var team = newTeam("wslow");
    var bytes = Files.readAllBytes(tarArchive());
    var pieces = 15;
    var target = pushImages(nas, team).resolve("slow.tar");
    var written = new AtomicInteger();
    var lastWrite = new AtomicReference<Instant>();
    var writer = Executors.newSingleThreadScheduledExecutor();
    writer.scheduleAtFixedRate(
        () -> {
          var piece = written.get();
          if (piece < pieces) {
            var from = bytes.length * piece / pieces;
            var to = bytes.length * (piece + 1) / pieces;
            append(target, Arrays.copyOfRange(bytes, from, to));
            lastWrite.set(Instant.now());
            written.incrementAndGet();
          }
        },
        0,
        300,
        TimeUnit.MILLISECONDS);
    try {
      // when it is being written, nothing is published for it
      await()
          .during(Duration.ofMillis(2500))
          .atMost(Duration.ofSeconds(4))
          .until(() -> requests.forTeam(team).isEmpty());
      assertThat(written.get()).as("still writing").isLessThan(pieces);
      // and it counts as waiting, since it was first seen
      assertThat(gauge(FerryMetrics.WATCHER_WAITING)).isGreaterThanOrEqualTo(1.0);
      assertThat(gauge(FerryMetrics.WATCHER_OLDEST_WAITING)).isGreaterThanOrEqualTo(1.5);

      // then once it stops changing it is published, a quiet period after the last write
      var request = awaitOneRequest(team);
      assertThat(written.get()).isEqualTo(pieces);
      assertThat(request.occurredAt()).isAfterOrEqualTo(lastWrite.get().plus(QUIET));
      var claim = claims.find(team, request.operationId()).orElseThrow();
      assertThat(Files.mismatch(claim.archive(), tarArchive())).isEqualTo(-1L);
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void aNameThatBreaksTheRuleGetsAnErrorNoteAndTheFileIsLeftUntouched() throws IOException {
    // given archives whose stems are no valid image names
    var team = newTeam("wname");
    var spaced = drop(gzipArchive(), nas, team, "Hello World.tar.gz");
    var upper = drop(gzipArchive(), nas, team, "UPPER.tar.gz");
    var spacedBefore = Files.getLastModifiedTime(spaced);
    var upperBefore = Files.getLastModifiedTime(upper);

    // when the watcher has looked at them
    var spacedNote = awaitErrorNote(spaced);
    var upperNote = awaitErrorNote(upper);

    // then each has a note that says the rule and the way out
    for (var note : new Path[] {spacedNote, upperNote}) {
      assertThat(Files.readString(note))
          .contains(ImageName.RULE)
          .contains("Push button")
          .startsWith("Could not push ");
    }
    assertThat(Files.readString(upperNote)).contains("'UPPER'");
    // and the files are where they were, as they were
    assertThat(Files.getLastModifiedTime(spaced)).isEqualTo(spacedBefore);
    assertThat(Files.getLastModifiedTime(upper)).isEqualTo(upperBefore);
    assertThat(Files.mismatch(spaced, gzipArchive())).isEqualTo(-1L);
    assertThat(Files.mismatch(upper, gzipArchive())).isEqualTo(-1L);

    // and nothing is published, nor the note rewritten, on later scans
    var noteWritten = Files.getLastModifiedTime(upperNote);
    awaitMoreScans(watcher);
    assertThat(requests.forTeam(team)).isEmpty();
    assertThat(Files.getLastModifiedTime(upperNote)).isEqualTo(noteWritten);
  }

  @Test
  void aSymbolicLinkIsRejectedAndItsTargetLeftUntouched() throws IOException {
    // given a link in push-images to another team's export
    var team = newTeam("wsym");
    var target = anotherTeamsExport();
    var targetWritten = Files.getLastModifiedTime(target);
    var link = pushImages(nas, team).resolve("theirs.tar.gz");
    Files.createSymbolicLink(link, target);

    // when the watcher has looked at it
    var note = awaitErrorNote(link);

    // then it was given back with a note, nothing was published, and the target is unchanged
    assertThat(Files.readString(note)).contains("symbolic link");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
    assertThat(Files.mismatch(target, gzipArchive())).isEqualTo(-1L);
    assertThat(Files.getLastModifiedTime(target)).isEqualTo(targetWritten);
    assertThat(claims.claimedBy(team, FileName.of("theirs.tar.gz"))).isEmpty();
    assertThat(requests.forTeam(team)).isEmpty();
  }

  @Test
  void aHardLinkIsRejectedAndItsTargetLeftUntouched() throws IOException {
    // given a hard link in push-images to another team's export
    var team = newTeam("whard");
    var target = anotherTeamsExport();
    var targetWritten = Files.getLastModifiedTime(target);
    var link = pushImages(nas, team).resolve("theirs.tar.gz");
    Files.createLink(link, target);

    // when the watcher has looked at it
    var note = awaitErrorNote(link);

    // then it was given back with a note, nothing was published, and the target is unchanged
    assertThat(Files.readString(note)).contains("hard link");
    assertThat(Files.isSameFile(link, target)).isTrue();
    assertThat(Files.mismatch(target, gzipArchive())).isEqualTo(-1L);
    assertThat(Files.getLastModifiedTime(target)).isEqualTo(targetWritten);
    assertThat(claims.claimedBy(team, FileName.of("theirs.tar.gz"))).isEmpty();
    assertThat(requests.forTeam(team)).isEmpty();
  }

  @Test
  void aFileThatIsNotAnArchiveGetsAnErrorNoteAndStays() throws IOException {
    // given a text file named like an archive
    var team = newTeam("wbad");
    var notes = pushImages(nas, team).resolve("notes.tar.gz");
    Files.writeString(notes, "these are my notes, not an image\n");

    // when the watcher has looked at it
    var note = awaitErrorNote(notes);

    // then the note says what is wrong, the file is back unchanged, and nothing was published
    assertThat(Files.readString(note)).startsWith("Could not ");
    assertThat(Files.readString(notes)).isEqualTo("these are my notes, not an image\n");
    assertThat(claims.claimedBy(team, FileName.of("notes.tar.gz"))).isEmpty();
    assertThat(requests.forTeam(team)).isEmpty();
  }

  @Test
  void aCorrectedArchiveDroppedOverAFailedOneIsPublished() throws IOException {
    // given an archive that failed and has its note
    var team = newTeam("wfix");
    var broken = pushImages(nas, team).resolve("fixed.tar.gz");
    Files.write(broken, new byte[] {0x1f, (byte) 0x8b, 0, 0, 0});
    var noteWritten = Files.getLastModifiedTime(awaitErrorNote(broken)).toInstant();
    // File times are coarse (a few ms): let the clock move past the note's time first.
    await().until(() -> Instant.now().isAfter(noteWritten.plusMillis(50)));

    // when the team drops the corrected archive under the same name
    drop(gzipArchive(), nas, team, "fixed.tar.gz");

    // then it is published
    var request = awaitOneRequest(team);
    assertThat(request.file()).isEqualTo(FileName.of("fixed.tar.gz"));
    assertThat(request.image()).isEqualTo(ImageName.of("fixed"));
  }

  @Test
  void teamsThatSwitchedAutomaticPushOffAreLeftAlone() throws IOException {
    // given a team switched off by configuration, one switched off by its marker file, and one on
    Files.createDirectories(pushImages(nas, SWITCHED_OFF));
    var marked = newTeam("wmark");
    Files.createFile(pushImages(nas, marked).resolve(PushFolders.NO_AUTO_PUSH_MARKER));
    var on = newTeam("won");

    // when each drops an archive
    var configured = drop(gzipArchive(), nas, SWITCHED_OFF, "app.tar.gz");
    var markedArchive = drop(gzipArchive(), nas, marked, "app.tar.gz");
    drop(gzipArchive(), nas, on, "app.tar.gz");

    // then only the team that is on gets a push
    awaitOneRequest(on);
    awaitMoreScans(watcher);
    assertThat(requests.forTeam(SWITCHED_OFF)).isEmpty();
    assertThat(requests.forTeam(marked)).isEmpty();
    // and the others' archives stay for the Push button, without notes
    assertThat(configured).exists();
    assertThat(markedArchive).exists();
    assertThat(configured.resolveSibling("app.tar.gz.error")).doesNotExist();
    assertThat(markedArchive.resolveSibling("app.tar.gz.error")).doesNotExist();
  }

  @Test
  void exposesItsMetricsToPrometheus() throws Exception {
    // given a watcher that published an archive and rejected another
    var team = newTeam("wmet");
    drop(gzipArchive(), nas, team, "counted.tar.gz");
    awaitOneRequest(team);
    awaitErrorNote(drop(gzipArchive(), nas, team, "Not Counted.tar.gz"));

    // when Prometheus scrapes it
    var port = ((WebServerApplicationContext) watcher).getWebServer().getPort();
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    // then the watcher's series are there
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .containsPattern("ferry_watcher_scan_duration_seconds_count\\{[^}]*} [1-9]")
        .containsPattern("ferry_watcher_archives_total\\{[^}]*outcome=\"seen\"[^}]*} [1-9]")
        .containsPattern("ferry_watcher_archives_total\\{[^}]*outcome=\"published\"[^}]*} [1-9]")
        .containsPattern("ferry_watcher_archives_total\\{[^}]*outcome=\"rejected\"[^}]*} [1-9]")
        .containsPattern(
            "ferry_operations_requested_total\\{[^}]*operation=\"push\",source=\"watcher\"} [1-9]")
        .containsPattern("ferry_watcher_waiting_archives\\{[^}]*} [0-9]")
        .containsPattern("ferry_watcher_oldest_waiting_seconds\\{[^}]*} [0-9]");
  }

  private static Team newTeam(String prefix) {
    return WatcherFixtures.newTeam(nas, prefix);
  }

  private static PushRequested awaitOneRequest(Team team) {
    return await().atMost(PUBLISHED_WITHIN).until(() -> requests.forTeam(team), hasSize(1)).get(0);
  }

  private static Path awaitErrorNote(Path archive) {
    var note = archive.resolveSibling(archive.getFileName() + ArchiveClaims.ERROR_SUFFIX);
    await().atMost(PUBLISHED_WITHIN).until(() -> Files.exists(note, LinkOption.NOFOLLOW_LINKS));
    return note;
  }

  private static Path anotherTeamsExport() throws IOException {
    var other = newTeam("wown");
    var export = nas.resolve(other.value()).resolve(NasLayout.EXPORTED_IMAGES).resolve("x.tar.gz");
    return Files.copy(gzipArchive(), export);
  }

  private static double gauge(String name) {
    var meter = watcher.getBean(MeterRegistry.class).get(name);
    return name.equals(FerryMetrics.WATCHER_OLDEST_WAITING)
        ? meter.timeGauge().value(TimeUnit.SECONDS)
        : meter.gauge().value();
  }

  private static void append(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
