package org.ferry.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.ferry.contract.FileName;
import org.ferry.image.Team;
import org.ferry.nas.NasLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PushFoldersTest {

  private static final Team TEAM = Team.of("team-a");

  @TempDir Path nas;

  private PushFolders folders;
  private Path pushImages;

  @BeforeEach
  void createTeamFolder() throws IOException {
    pushImages = Files.createDirectories(nas.resolve("team-a").resolve(NasLayout.PUSH_IMAGES));
    folders = new PushFolders(NasLayout.under(nas));
  }

  @ParameterizedTest(name = "''{0}'' is an archive: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "app.tar.gz              | true",
        "app.tgz                 | true",
        "app.tar                 | true",
        "Hello World.tar.gz      | true",
        ".app.tar.gz.Xy12Ab      | false",
        ".app.tar.gz             | false",
        "app.tar.gz.part         | false",
        "app.tar.gz.error        | false",
        "app.tar.gz.failed-0b1c  | false",
        "app.zip                 | false",
        "app.gz                  | false",
        "README                  | false",
      })
  void tellsArchivesFromOtherFilesByName(String name, boolean archive) {
    // given a file name in push-images

    // when / then
    assertThat(PushFolders.isArchiveName(name)).isEqualTo(archive);
  }

  @Test
  void listsArchivesAndLinksButNotTemporaryFilesNotesOrFolders() throws IOException {
    // given a folder with archives, rsync temporaries, notes, a folder and a link
    for (var name :
        new String[] {
          "a.tar.gz",
          "b.tgz",
          "c.tar",
          ".d.tar.gz.Xy12Ab",
          "e.tar.gz.part",
          "f.tar.gz.error",
          "g.tar.gz.failed-op1"
        }) {
      Files.writeString(pushImages.resolve(name), name);
    }
    Files.createDirectory(pushImages.resolve("folder.tar.gz"));
    Files.createSymbolicLink(pushImages.resolve("link.tar.gz"), pushImages.resolve("a.tar.gz"));

    // when the folder is listed
    var names =
        folders.read(TEAM).archives().stream().map(archive -> archive.name().value()).toList();

    // then archives and the link (to be rejected on claim) are listed, nothing else
    assertThat(names).containsExactlyInAnyOrder("a.tar.gz", "b.tgz", "c.tar", "link.tar.gz");
  }

  @Test
  void readsTheLinkItselfNotItsTarget() throws IOException {
    // given a link to a large file
    var target = Files.write(nas.resolve("big"), new byte[10_000]);
    Files.createSymbolicLink(pushImages.resolve("link.tar.gz"), target);

    // when it is listed
    var link = folders.read(TEAM).archives().get(0);

    // then its size is the link's own, not its target's
    assertThat(link.size()).isLessThan(10_000);
  }

  @Test
  void anArchiveWithANewerErrorNoteFailedBeforeAndIsLeftAlone() throws IOException {
    // given an archive and, written after it, its error note
    var archive = Files.writeString(pushImages.resolve("app.tar.gz"), "bad");
    var note = Files.writeString(pushImages.resolve("app.tar.gz.error"), "Could not push");
    Files.setLastModifiedTime(note, FileTime.from(Instant.now().plusSeconds(60)));

    // when the archive is listed with its note
    var folder = folders.read(TEAM);
    var listed = folder.archives().get(0);
    var noteTime = folder.errorNote(listed);

    // then the note covers it
    assertThat(listed.path().getFileName()).isEqualTo(archive.getFileName());
    assertThat(noteTime).isPresent();
    assertThat(listed.isCoveredByErrorNote(noteTime.get())).isTrue();
  }

  @Test
  void aCorrectedArchiveCopiedWithItsOldModificationTimeIsEligibleAgain() throws IOException {
    // given a failed archive whose note was written a minute ago
    var archive = Files.writeString(pushImages.resolve("app.tar.gz"), "bad");
    var note = Files.writeString(pushImages.resolve("app.tar.gz.error"), "Could not push");
    Files.setLastModifiedTime(note, FileTime.from(Instant.now().minusSeconds(60)));

    // when rsync -a renames a corrected file over it that keeps an hour-old modification time
    var corrected = Files.writeString(pushImages.resolve(".app.tar.gz.Xy12Ab"), "good");
    Files.setLastModifiedTime(corrected, FileTime.from(Instant.now().minusSeconds(3600)));
    Files.move(corrected, archive, StandardCopyOption.REPLACE_EXISTING);
    var folder = folders.read(TEAM);
    var listed = folder.archives().get(0);

    // then the note no longer covers it: the rename is newer than the note
    assertThat(listed.modified()).isBefore(Instant.now().minusSeconds(3000));
    assertThat(listed.isCoveredByErrorNote(folder.errorNote(listed).orElseThrow())).isFalse();
  }

  @Test
  void anArchiveWhoseNoteWasDeletedIsEligibleAgain() throws IOException {
    // given a failed archive whose note the user deleted
    Files.writeString(pushImages.resolve("app.tar.gz"), "bad");
    var note = Files.writeString(pushImages.resolve("app.tar.gz.error"), "Could not push");
    Files.delete(note);

    // when / then
    var folder = folders.read(TEAM);
    assertThat(folder.errorNote(folder.archives().get(0))).isEmpty();
  }

  @Test
  void aNoteAsNewAsTheArchiveCoversIt() {
    // given an archive last changed at the very instant its note was written
    var changed = Instant.parse("2030-01-01T00:00:00Z");
    var archive =
        new ArchiveFile(
            TEAM, FileName.of("app.tar.gz"), pushImages, 1, changed, changed, "inode-1");

    // when / then: file times are coarse, so a tie means the note came after
    assertThat(archive.isCoveredByErrorNote(changed)).isTrue();
    assertThat(archive.isCoveredByErrorNote(changed.minusNanos(1))).isFalse();
  }

  @Test
  void aTeamSwitchesAutomaticPushOffWithAMarkerFile() throws IOException {
    // given a team without the marker
    var before = folders.read(TEAM).autoPushOff();

    // when the team creates it
    Files.createFile(pushImages.resolve(PushFolders.NO_AUTO_PUSH_MARKER));

    // then automatic push is off for it
    assertThat(before).isFalse();
    assertThat(folders.read(TEAM).autoPushOff()).isTrue();
  }

  @Test
  void namesFerryCannotTakeAreSkippedWithAReasonAndTheOthersListed() throws Exception {
    // given a good archive, one whose name is too long for a note beside it, and one whose name
    // is not UTF-8 (made by a shell, as a team member would)
    Files.writeString(pushImages.resolve("good.tar.gz"), "good");
    Files.writeString(pushImages.resolve("x".repeat(244) + ".tar.gz"), "long");
    var made =
        new ProcessBuilder("sh", "-c", "printf bad > \"$(printf 'bad\\377.tar.gz')\"")
            .directory(pushImages.toFile())
            .inheritIO()
            .start();
    assertThat(made.waitFor()).isZero();

    // when the folder is read
    var folder = folders.read(TEAM);

    // then the good one is an archive and the others are skipped, each with its reason
    assertThat(folder.archives()).extracting(a -> a.name().value()).containsExactly("good.tar.gz");
    assertThat(folder.skipped())
        .extracting(SkippedFile::reason)
        .containsExactlyInAnyOrder(SkippedFile.TOO_LONG, SkippedFile.NOT_UTF8);
    assertThat(folder.skipped())
        .extracting(SkippedFile::shownName)
        .anySatisfy(name -> assertThat(name).isEqualTo("bad?.tar.gz"));
  }
}
