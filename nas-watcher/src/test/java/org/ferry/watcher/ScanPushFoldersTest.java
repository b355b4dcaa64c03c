package org.ferry.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.ferry.archive.ArchiveInspector;
import org.ferry.archive.ArchiveLimits;
import org.ferry.contract.FerryMessage;
import org.ferry.contract.FileName;
import org.ferry.contract.PushRequested;
import org.ferry.failure.TransientFailure;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.messaging.MessagePublisher;
import org.ferry.metrics.FerryMetrics;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.NasLayout;
import org.ferry.operation.Source;
import org.ferry.testing.MutableClock;
import org.ferry.testing.TestArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/** Scans of a NAS in a temporary folder, with a clock the test moves and a stand-in broker. */
class ScanPushFoldersTest {

  private static final Duration QUIET = Duration.ofSeconds(5);
  private static final Team TEAM = Team.of("team-a");
  private static final Team CONFIGURED_OFF = Team.of("team-off");

  @TempDir Path nas;

  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final MessagePublisher publisher = mock(MessagePublisher.class);
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private ArchiveClaims claims;
  private ScanPushFolders scan;
  private Path pushImages;

  @BeforeEach
  void createWatcher() throws IOException {
    pushImages = teamFolder(TEAM);
    var layout = NasLayout.under(nas);
    claims = new ArchiveClaims(layout);
    var properties =
        new WatcherProperties(Duration.ofSeconds(2), QUIET, Set.of(CONFIGURED_OFF), null, null);
    var publish =
        new PublishArchive(
            claims, new ArchiveInspector(ArchiveLimits.defaults()), publisher, clock);
    scan =
        new ScanPushFolders(
            new PushFolders(layout),
            new SkippedFilesNote(layout),
            publish,
            properties,
            new WatcherMetrics(meters),
            clock);
  }

  @Test
  void publishesACompleteArchiveOnceItWasQuietForTheQuietPeriod() {
    // given an archive dropped into push-images
    TestArchive.dockerSave("registry:5000/other/x:v3")
        .writeGzip(pushImages.resolve("hello.tar.gz"));

    // when the watcher scans at once, before and at the end of the quiet period, and after
    scan.scan();
    clock.advance(QUIET.minusSeconds(1));
    scan.scan();
    verify(publisher, never()).publish(any());
    clock.advance(Duration.ofSeconds(1));
    scan.scan();
    clock.advance(QUIET);
    scan.scan();

    // then exactly one request was published, named from the file and tagged from RepoTags
    var request = published(1).get(0);
    assertThat(request.team()).isEqualTo(TEAM);
    assertThat(request.file()).isEqualTo(FileName.of("hello.tar.gz"));
    assertThat(request.image()).isEqualTo(ImageName.of("hello"));
    assertThat(request.tag()).isEqualTo(Tag.of("v3"));
    assertThat(request.source()).isEqualTo(Source.WATCHER);
    assertThat(request.requestedBy()).isEqualTo(PublishArchive.REQUESTED_BY);
    assertThat(request.occurredAt()).isEqualTo(clock.instant().minus(QUIET));
    // and the archive is the operation's claim now
    assertThat(pushImages.resolve("hello.tar.gz")).doesNotExist();
    assertThat(claims.find(TEAM, request.operationId())).isPresent();
    assertThat(archives(FerryMetrics.OUTCOME_SEEN)).isEqualTo(1);
    assertThat(archives(FerryMetrics.OUTCOME_PUBLISHED)).isEqualTo(1);
    assertThat(requested()).isEqualTo(1);
  }

  @Test
  void anArchiveStillBeingWrittenWaitsUntilItStopsChanging() throws IOException {
    // given an archive whose first half is written
    var bytes = TestArchive.dockerSave("app:v1").gzipBytes();
    var archive = pushImages.resolve("app.tar.gz");
    Files.write(archive, Arrays.copyOfRange(bytes, 0, bytes.length / 2));
    scan.scan();

    // when the rest arrives three seconds later
    clock.advance(Duration.ofSeconds(3));
    Files.write(
        archive,
        Arrays.copyOfRange(bytes, bytes.length / 2, bytes.length),
        StandardOpenOption.APPEND);
    scan.scan();
    clock.advance(Duration.ofSeconds(3));
    scan.scan();

    // then it is not taken five seconds after it appeared, only five after it last changed
    verify(publisher, never()).publish(any());
    assertThat(archive).exists();
    clock.advance(Duration.ofSeconds(2));
    scan.scan();
    assertThat(published(1).get(0).tag()).isEqualTo(Tag.of("v1"));
  }

  @Test
  void whenTheBrokerIsDownTheArchiveGoesBackWithoutANoteAndIsTriedAgainLater() {
    // given a complete archive and a broker that refuses the first request only
    TestArchive.dockerSave("app:v1").writeGzip(pushImages.resolve("app.tar.gz"));
    doThrow(new TransientFailure("send push.requested.v1", "the broker is down", "Wait.", null))
        .doNothing()
        .when(publisher)
        .publish(any());
    scan.scan();
    clock.advance(QUIET);

    // when the watcher tries to publish it
    scan.scan();

    // then it is back in push-images, without a note, and no operation holds it
    assertThat(pushImages.resolve("app.tar.gz")).exists();
    assertThat(pushImages.resolve("app.tar.gz.error")).doesNotExist();
    assertThat(claims.claimedBy(TEAM, FileName.of("app.tar.gz"))).isEmpty();
    assertThat(archives(FerryMetrics.OUTCOME_DEFERRED)).isEqualTo(1);

    // and it is tried again one quiet period later, and then published
    scan.scan();
    verify(publisher, times(1)).publish(any());
    clock.advance(QUIET);
    scan.scan();
    var requests = published(2);
    assertThat(requests.get(1).file()).isEqualTo(FileName.of("app.tar.gz"));
    assertThat(requests.get(1).operationId()).isNotEqualTo(requests.get(0).operationId());
    assertThat(pushImages.resolve("app.tar.gz")).doesNotExist();
    assertThat(archives(FerryMetrics.OUTCOME_PUBLISHED)).isEqualTo(1);
    assertThat(requested()).isEqualTo(1);
  }

  @Test
  void aBadArchiveGetsOneNoteAndIsLeftAloneUntilReplaced() throws IOException {
    // given a file that is not an archive
    var bad = Files.writeString(pushImages.resolve("app.tar.gz"), "not an archive");
    scan.scan();
    clock.advance(QUIET);

    // when the watcher takes it, and scans many times after
    scan.scan();
    var note = pushImages.resolve("app.tar.gz.error");
    var noteWritten = Files.getLastModifiedTime(note);
    for (int i = 0; i < 5; i++) {
      clock.advance(QUIET);
      scan.scan();
    }

    // then it got one note, stays as it was, and was never published
    assertThat(bad).hasContent("not an archive");
    assertThat(Files.getLastModifiedTime(note)).isEqualTo(noteWritten);
    assertThat(Files.readString(note)).startsWith("Could not ");
    verify(publisher, never()).publish(any());
    assertThat(archives(FerryMetrics.OUTCOME_REJECTED)).isEqualTo(1);

    // and once a corrected archive replaces it, that one is published
    Files.setLastModifiedTime(note, FileTime.from(Instant.now().minusSeconds(60)));
    TestArchive.dockerSave("app:v2").writeGzip(pushImages.resolve(".app.tar.gz.tmp"));
    Files.move(
        pushImages.resolve(".app.tar.gz.tmp"),
        bad,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    scan.scan();
    clock.advance(QUIET);
    scan.scan();
    assertThat(published(1).get(0).tag()).isEqualTo(Tag.of("v2"));
  }

  @Test
  void aBadNameGetsANoteWithoutTheArchiveBeingClaimed() throws IOException {
    // given an archive whose stem breaks the naming rule
    var archive = TestArchive.dockerSave("app:v1").writeGzip(pushImages.resolve("My App.tar.gz"));
    var identity = Files.readAttributes(archive, "unix:ino").get("ino");

    // when it is complete
    scan.scan();
    clock.advance(QUIET);
    scan.scan();

    // then it has a note and is the very same file, never moved
    assertThat(pushImages.resolve("My App.tar.gz.error")).content().contains("Push button");
    assertThat(Files.readAttributes(archive, "unix:ino").get("ino")).isEqualTo(identity);
    verify(publisher, never()).publish(any());
  }

  @Test
  void teamsThatSwitchedAutomaticPushOffAreNeitherPushedNorCountedAsWaiting() throws IOException {
    // given a team switched off by configuration and one by its marker file
    var configured = teamFolder(CONFIGURED_OFF);
    var marked = teamFolder(Team.of("team-marked"));
    Files.createFile(marked.resolve(PushFolders.NO_AUTO_PUSH_MARKER));
    TestArchive.dockerSave("app:v1").writeGzip(configured.resolve("app.tar.gz"));
    TestArchive.dockerSave("app:v1").writeGzip(marked.resolve("app.tar.gz"));

    // when the watcher scans long after they were complete
    scan.scan();
    clock.advance(QUIET.multipliedBy(3));
    scan.scan();

    // then their archives stay, without notes, unpublished and not waiting
    verify(publisher, never()).publish(any());
    assertThat(configured.resolve("app.tar.gz")).exists();
    assertThat(marked.resolve("app.tar.gz")).exists();
    assertThat(configured.resolve("app.tar.gz.error")).doesNotExist();
    assertThat(marked.resolve("app.tar.gz.error")).doesNotExist();
    assertThat(meters.get(FerryMetrics.WATCHER_WAITING).gauge().value()).isZero();
  }

  @Test
  void reportsHowManyArchivesWaitAndForHowLong() throws IOException {
    // given one archive seen ten seconds before another, which is still being written
    TestArchive.dockerSave("app:v1").writeGzip(pushImages.resolve("first.tar.gz"));
    doThrow(new TransientFailure("send", "down", "Wait.", null)).when(publisher).publish(any());
    scan.scan();
    clock.advance(Duration.ofSeconds(10));
    var second = Files.writeString(pushImages.resolve("second.tar"), "partial");
    scan.scan();
    clock.advance(Duration.ofSeconds(2));
    Files.writeString(second, " more", StandardOpenOption.APPEND);

    // when the watcher scans again
    scan.scan();

    // then both wait, the oldest for twelve seconds
    assertThat(meters.get(FerryMetrics.WATCHER_WAITING).gauge().value()).isEqualTo(2.0);
    assertThat(meters.get(FerryMetrics.WATCHER_OLDEST_WAITING).timeGauge().value(TimeUnit.SECONDS))
        .isEqualTo(12.0);
  }

  @Test
  void aTeamWhoseFolderIsBrokenDoesNotStopTheOthers() throws IOException {
    // given a team folder without push-images, sorted before the healthy team
    Files.createDirectories(nas.resolve("aaa-broken"));
    TestArchive.dockerSave("app:v1").writeGzip(pushImages.resolve("app.tar.gz"));

    // when the watcher scans past the quiet period
    scan.scan();
    clock.advance(QUIET);
    scan.scan();

    // then the healthy team's archive is published
    assertThat(published(1).get(0).team()).isEqualTo(TEAM);
  }

  @Test
  void aNameTooLongForItsNoteIsSkippedWithANoticeAndTheTeamsOtherArchivesGoOn() throws IOException {
    // given a good archive beside one whose 255-byte name leaves no room for a note
    TestArchive.dockerSave("app:v1").writeGzip(pushImages.resolve("app.tar.gz"));
    var longName = "é".repeat(124) + ".tar.gz";
    TestArchive.dockerSave("app:v1").writeGzip(pushImages.resolve(longName));

    // when the watcher scans past the quiet period
    scan.scan();
    clock.advance(QUIET);
    scan.scan();

    // then the good archive is published, and the long one stays, named in the team's notice
    assertThat(published(1).get(0).file()).isEqualTo(FileName.of("app.tar.gz"));
    assertThat(pushImages.resolve(longName)).exists();
    assertThat(pushImages.resolve(SkippedFilesNote.NAME))
        .content()
        .contains("ééé")
        .contains("longer than " + FileName.MAX_BYTES + " bytes");
    assertThat(
            meters
                .get(FerryMetrics.WATCHER_SKIPPED)
                .tag(FerryMetrics.TAG_REASON, SkippedFile.TOO_LONG)
                .gauge()
                .value())
        .isEqualTo(1.0);

    // and once the team renames it, the notice goes
    Files.move(pushImages.resolve(longName), pushImages.resolve("renamed.tar.gz"));
    scan.scan();
    assertThat(pushImages.resolve(SkippedFilesNote.NAME)).doesNotExist();
  }

  private Path teamFolder(Team team) throws IOException {
    return Files.createDirectories(nas.resolve(team.value()).resolve(NasLayout.PUSH_IMAGES));
  }

  private java.util.List<PushRequested> published(int times) {
    var captor = ArgumentCaptor.forClass(FerryMessage.class);
    verify(publisher, times(times)).publish(captor.capture());
    return captor.getAllValues().stream().map(PushRequested.class::cast).toList();
  }

  private double archives(String outcome) {
    return meters
        .get(FerryMetrics.WATCHER_ARCHIVES)
        .tag(FerryMetrics.TAG_OUTCOME, outcome)
        .counter()
        .count();
  }

  private double requested() {
    return meters
        .get(FerryMetrics.REQUESTED)
        .tag(FerryMetrics.TAG_SOURCE, "watcher")
        .tag(FerryMetrics.TAG_OPERATION, "push")
        .counter()
        .count();
  }
}
