package org.ferry.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.ferry.image.Team;
import org.ferry.nas.NasLayout;
import org.ferry.testing.MutableClock;
import org.ferry.watcher.ArchiveObservations.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveObservationsTest {

  private static final Duration QUIET = Duration.ofSeconds(5);
  private static final Team TEAM = Team.of("team-a");

  @TempDir Path nas;

  private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final ArchiveObservations observations = new ArchiveObservations(QUIET);
  private PushFolders folders;
  private Path pushImages;

  @BeforeEach
  void createTeamFolder() throws IOException {
    pushImages = Files.createDirectories(nas.resolve("team-a").resolve(NasLayout.PUSH_IMAGES));
    folders = new PushFolders(NasLayout.under(nas));
  }

  @Test
  void aNewArchiveIsNotCompleteAtFirstSight() throws IOException {
    // given an archive that has been in the folder for a long time
    write("app.tar.gz", "content");
    Files.setLastModifiedTime(pushImages.resolve("app.tar.gz"), FileTime.fromMillis(0));

    // when the watcher sees it for the first time
    var state = observations.observe(look("app.tar.gz"), clock.instant());

    // then it still has to stay quiet while the watcher watches
    assertThat(state).isEqualTo(State.NEW);
  }

  @Test
  void anArchiveUnchangedForTheQuietPeriodIsComplete() throws IOException {
    // given an archive seen once
    write("app.tar.gz", "content");
    observations.observe(look("app.tar.gz"), clock.instant());

    // when it is looked at again just before and at the end of the quiet period
    clock.advance(QUIET.minusMillis(1));
    var early = observations.observe(look("app.tar.gz"), clock.instant());
    clock.advance(Duration.ofMillis(1));
    var onTime = observations.observe(look("app.tar.gz"), clock.instant());

    // then it is complete only once the whole quiet period has passed
    assertThat(early).isEqualTo(State.CHANGING);
    assertThat(onTime).isEqualTo(State.COMPLETE);
  }

  @Test
  void anArchiveThatGrowsStartsItsQuietPeriodAgain() throws IOException {
    // given an archive seen once, then appended to after four seconds
    write("app.tar.gz", "first part");
    observations.observe(look("app.tar.gz"), clock.instant());
    clock.advance(Duration.ofSeconds(4));
    Files.writeString(pushImages.resolve("app.tar.gz"), " more", StandardOpenOption.APPEND);

    // when it is looked at after it grew, five seconds after it was first seen, and five after
    // it grew
    var grown = observations.observe(look("app.tar.gz"), clock.instant());
    clock.advance(Duration.ofSeconds(1));
    var fiveAfterFirstSight = observations.observe(look("app.tar.gz"), clock.instant());
    clock.advance(Duration.ofSeconds(4));
    var fiveAfterGrowing = observations.observe(look("app.tar.gz"), clock.instant());

    // then the quiet period counts from the last change
    assertThat(grown).isEqualTo(State.CHANGING);
    assertThat(fiveAfterFirstSight).isEqualTo(State.CHANGING);
    assertThat(fiveAfterGrowing).isEqualTo(State.COMPLETE);
  }

  @Test
  void anArchiveRewrittenToTheSameSizeStartsItsQuietPeriodAgain() throws IOException {
    // given an archive seen once
    var path = write("app.tar.gz", "aaaa");
    Files.setLastModifiedTime(path, FileTime.fromMillis(1_000_000));
    observations.observe(look("app.tar.gz"), clock.instant());

    // when it is rewritten in place with as many bytes, and looked at a quiet period later
    clock.advance(QUIET);
    Files.writeString(path, "bbbb");
    Files.setLastModifiedTime(path, FileTime.fromMillis(2_000_000));
    var rewritten = observations.observe(look("app.tar.gz"), clock.instant());

    // then its new modification time counts as a change
    assertThat(rewritten).isEqualTo(State.CHANGING);
  }

  @Test
  void anArchiveReplacedUnderTheSameNameIsANewArchive() throws IOException {
    // given an archive seen once
    var path = write("app.tar.gz", "same");
    Files.setLastModifiedTime(path, FileTime.fromMillis(1_000_000));
    observations.observe(look("app.tar.gz"), clock.instant());

    // when rsync renames another file over it with the same size and modification time
    var replacement = write(".app.tar.gz.Xy12Ab", "same");
    Files.setLastModifiedTime(replacement, FileTime.fromMillis(1_000_000));
    Files.move(replacement, path, StandardCopyOption.REPLACE_EXISTING);
    clock.advance(QUIET);
    var replaced = observations.observe(look("app.tar.gz"), clock.instant());

    // then it is another file, seen for the first time
    assertThat(replaced).isEqualTo(State.NEW);
  }

  @Test
  void anArchivePutBackWaitsAnotherQuietPeriod() throws IOException {
    // given a complete archive
    write("app.tar.gz", "content");
    observations.observe(look("app.tar.gz"), clock.instant());
    clock.advance(QUIET);
    assertThat(observations.observe(look("app.tar.gz"), clock.instant())).isEqualTo(State.COMPLETE);

    // when its request could not be sent and it was put back
    observations.waitAgain(pushImages.resolve("app.tar.gz"), clock.instant());
    var rightAfter = observations.observe(look("app.tar.gz"), clock.instant());
    clock.advance(QUIET);
    var later = observations.observe(look("app.tar.gz"), clock.instant());

    // then it is tried again only after another quiet period
    assertThat(rightAfter).isEqualTo(State.CHANGING);
    assertThat(later).isEqualTo(State.COMPLETE);
  }

  @Test
  void countsTheWaitingArchivesAndRemembersWhenTheOldestWasFirstSeen() throws IOException {
    // given one archive seen at the start and another ten seconds later, which then grows
    var start = clock.instant();
    write("old.tar.gz", "old");
    observations.observe(look("old.tar.gz"), clock.instant());
    clock.advance(Duration.ofSeconds(10));
    write("new.tar", "new");
    observations.observe(look("new.tar"), clock.instant());
    observations.observe(look("old.tar.gz"), clock.instant());
    Files.writeString(pushImages.resolve("old.tar.gz"), "er", StandardOpenOption.APPEND);
    clock.advance(Duration.ofSeconds(1));
    observations.observe(look("old.tar.gz"), clock.instant());

    // when / then both wait, the oldest since it was first seen, even though it changed since
    assertThat(observations.waiting()).isEqualTo(2);
    assertThat(observations.oldestFirstSeen()).contains(start);

    // when the old one leaves the folder
    observations.retainOnly(Set.of(pushImages.resolve("new.tar")));

    // then only the new one waits
    assertThat(observations.waiting()).isEqualTo(1);
    assertThat(observations.oldestFirstSeen()).contains(start.plusSeconds(10));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(pushImages.resolve(name), content);
  }

  private ArchiveFile look(String name) {
    return folders.read(TEAM).archives().stream()
        .filter(archive -> archive.name().value().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
