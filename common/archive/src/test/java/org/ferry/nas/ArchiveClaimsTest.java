package org.ferry.nas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.ferry.contract.FileName;
import org.ferry.failure.PermanentFailure;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveClaimsTest {

  @TempDir Path nas;

  private final Team team = Team.of("team-a");
  private final FileName file = FileName.of("hello.tar.gz");
  private final OperationId operation = OperationId.of("op-1");
  private ArchiveClaims claims;
  private Path pushImages;

  @BeforeEach
  void teamFolders() throws IOException {
    pushImages = Files.createDirectories(nas.resolve("team-a/push-images"));
    Files.createDirectories(nas.resolve("team-b/push-images"));
    claims = new ArchiveClaims(NasLayout.under(nas));
  }

  @Test
  void claimMovesTheArchiveOutOfTheTeamsReach() throws IOException {
    Files.writeString(pushImages.resolve("hello.tar.gz"), "bytes");

    var claim = claims.claim(team, file, operation);

    assertThat(pushImages.resolve("hello.tar.gz")).doesNotExist();
    assertThat(claim.archive()).hasContent("bytes");
    assertThat(claim.archive().startsWith(nas.resolve(".ferry"))).isTrue();
    assertThat(claims.claimedBy(team, file)).contains(operation);
  }

  @Test
  void ferrysOwnFolderIsOwnerOnlySoNoTeamReadsAnotherTeamsClaimedArchive() throws IOException {
    Files.writeString(pushImages.resolve("hello.tar.gz"), "bytes");

    claims.claim(team, file, operation);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nas.resolve(".ferry"))))
        .isEqualTo("rwx------");
  }

  @Test
  void claimingAgainForTheSameOperationFindsTheSameArchive() throws IOException {
    Files.writeString(pushImages.resolve("hello.tar.gz"), "bytes");
    var first = claims.claim(team, file, operation);

    var second = claims.claim(team, file, operation);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void aSecondOperationOnAClaimedArchiveIsToldWhichOperationHoldsIt() throws IOException {
    Files.writeString(pushImages.resolve("hello.tar.gz"), "bytes");
    claims.claim(team, file, operation);

    assertThatThrownBy(() -> claims.claim(team, file, OperationId.of("op-2")))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("already being pushed by operation op-1");
  }

  @Test
  void aMissingArchiveIsAClearFailure() {
    assertThatThrownBy(() -> claims.claim(team, file, operation))
        .isInstanceOf(PermanentFailure.class)
        .hasMessage(
            "Could not push hello.tar.gz: there is no such file in team-a/push-images."
                + " Copy the archive into team-a/push-images and try again.");
  }

  @Test
  void releaseGivesTheArchiveBackUnchangedWithAnErrorNote() throws IOException {
    Files.writeString(pushImages.resolve("hello.tar.gz"), "bytes");
    var claim = claims.claim(team, file, operation);

    claims.release(claim, "Could not push hello.tar.gz: broken.");

    assertThat(pushImages.resolve("hello.tar.gz")).hasContent("bytes");
    assertThat(pushImages.resolve("hello.tar.gz.error"))
        .hasContent("Could not push hello.tar.gz: broken.");
    assertThat(claims.find(team, operation)).isEmpty();
  }

  @Test
  void releaseKeepsANewerFileTheUserDroppedMeanwhile() throws IOException {
    Files.writeString(pushImages.resolve("hello.tar.gz"), "old");
    var claim = claims.claim(team, file, operation);
    Files.writeString(pushImages.resolve("hello.tar.gz"), "new");

    claims.release(claim, "failed");

    assertThat(pushImages.resolve("hello.tar.gz")).hasContent("new");
    assertThat(pushImages.resolve("hello.tar.gz.failed-op-1")).hasContent("old");
  }

  @Test
  void unclaimPutsTheArchiveBackWithoutANoteAndDropsTheClaim() throws IOException {
    // given a claimed archive
    Files.writeString(pushImages.resolve("hello.tar.gz"), "bytes");
    var claim = claims.claim(team, file, operation);

    // when its request could not be sent
    claims.unclaim(claim);

    // then it is back unchanged, with no note, and no operation holds it
    assertThat(pushImages.resolve("hello.tar.gz")).hasContent("bytes");
    assertThat(pushImages.resolve("hello.tar.gz.error")).doesNotExist();
    assertThat(claims.claimedBy(team, file)).isEmpty();
    assertThat(claims.find(team, operation)).isEmpty();
  }

  @Test
  void unclaimKeepsAFileTheUserDroppedMeanwhile() throws IOException {
    // given a claimed archive, and a new file the user dropped under the same name
    Files.writeString(pushImages.resolve("hello.tar.gz"), "old");
    var claim = claims.claim(team, file, operation);
    Files.writeString(pushImages.resolve("hello.tar.gz"), "new");

    // when the claim is given back
    claims.unclaim(claim);

    // then the user's file stays and ours is kept beside it
    assertThat(pushImages.resolve("hello.tar.gz")).hasContent("new");
    assertThat(pushImages.resolve("hello.tar.gz.failed-op-1")).hasContent("old");
    assertThat(claims.find(team, operation)).isEmpty();
  }

  @Test
  void completeDeletesTheArchiveAndRemembersTheResult() throws IOException {
    Files.writeString(pushImages.resolve("hello.tar.gz"), "bytes");
    Files.writeString(pushImages.resolve("hello.tar.gz.error"), "an older failure");
    var claim = claims.claim(team, file, operation);

    claims.complete(claim, "{\"digest\":\"sha256:1\"}");

    assertThat(claim.archive()).doesNotExist();
    assertThat(pushImages.resolve("hello.tar.gz.error")).doesNotExist();
    assertThat(claims.completedResult(team, operation)).contains("{\"digest\":\"sha256:1\"}");
  }

  @Test
  void rejectsASymbolicLinkToAnotherTeamsFile() throws IOException {
    var secret = Files.writeString(nas.resolve("team-b/push-images/secret.tar"), "team-b data");
    Files.createSymbolicLink(pushImages.resolve("hello.tar.gz"), secret);

    assertThatThrownBy(() -> claims.claim(team, file, operation))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("symbolic link");
    assertThat(secret).hasContent("team-b data");
    assertThat(Files.isSymbolicLink(pushImages.resolve("hello.tar.gz"))).isTrue();
    assertThat(pushImages.resolve("hello.tar.gz.error")).exists();
  }

  @Test
  void rejectsAHardLinkToAnotherTeamsFile() throws IOException {
    var secret = Files.writeString(nas.resolve("team-b/push-images/secret.tar"), "team-b data");
    Files.createLink(pushImages.resolve("hello.tar.gz"), secret);

    assertThatThrownBy(() -> claims.claim(team, file, operation))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("hard link");
    assertThat(secret).hasContent("team-b data");
  }

  @Test
  void theErrorNoteReplacesALinkInsteadOfWritingThroughIt() throws IOException {
    var secret = Files.writeString(nas.resolve("team-b/push-images/notes.txt"), "team-b notes");
    Files.createSymbolicLink(pushImages.resolve("hello.tar.gz.error"), secret);

    claims.writeError(team, file, "Could not push hello.tar.gz: broken.");

    assertThat(secret).hasContent("team-b notes");
    assertThat(Files.isSymbolicLink(pushImages.resolve("hello.tar.gz.error"))).isFalse();
  }

  @Test
  void refusesATeamFolderThatIsASymbolicLink() throws IOException {
    Files.createSymbolicLink(nas.resolve("team-c"), nas.resolve("team-b"));

    assertThatThrownBy(() -> NasLayout.under(nas).openPushImages(Team.of("team-c")))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("symbolic link");
  }

  @Test
  void refusesToClaimThroughAPushImagesThatIsALinkToAnotherTeam() throws IOException {
    var teamB = nas.resolve("team-b/push-images");
    Files.writeString(teamB.resolve("hello.tar.gz"), "team-b's archive");
    Files.delete(pushImages);
    Files.createSymbolicLink(pushImages, Path.of("../team-b/push-images"));

    assertThatThrownBy(() -> claims.claim(team, file, operation))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("symbolic link");

    assertThat(teamB.resolve("hello.tar.gz")).hasContent("team-b's archive");
    assertThat(claims.find(team, operation)).isEmpty();
  }

  @Test
  void refusesToWriteAnErrorNoteThroughAPushImagesThatIsALink() throws IOException {
    var teamB = nas.resolve("team-b/push-images");
    Files.delete(pushImages);
    Files.createSymbolicLink(pushImages, Path.of("../team-b/push-images"));

    assertThatThrownBy(() -> claims.writeError(team, file, "Could not push hello.tar.gz: no."))
        .isInstanceOf(PermanentFailure.class);

    try (var left = Files.list(teamB)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void releaseGoesToTheFolderThatWasClaimedFromNotToALinkSwappedIn() throws IOException {
    Files.writeString(pushImages.resolve("hello.tar.gz"), "bytes");
    var claim = claims.claim(team, file, operation);
    var teamB = nas.resolve("team-b/push-images");
    Files.move(pushImages, nas.resolve("team-a/moved-away"));
    Files.createSymbolicLink(pushImages, Path.of("../team-b/push-images"));

    assertThatThrownBy(() -> claims.release(claim, "Could not push hello.tar.gz: broken."))
        .isInstanceOf(PermanentFailure.class);

    try (var left = Files.list(teamB)) {
      assertThat(left).isEmpty();
    }
    assertThat(claim.archive()).hasContent("bytes");
  }

  @Test
  void errorNotesTakeTheFoldersGroupAndAreReadableWhereTheFolderIs() throws IOException {
    var folderGroup =
        pushImages
            .getFileSystem()
            .getUserPrincipalLookupService()
            .lookupPrincipalByGroupName("users");
    Files.getFileAttributeView(pushImages, PosixFileAttributeView.class).setGroup(folderGroup);
    Files.setPosixFilePermissions(pushImages, PosixFilePermissions.fromString("rwxr-x---"));

    claims.writeError(team, file, "Could not push hello.tar.gz: broken.");

    var note =
        Files.readAttributes(pushImages.resolve("hello.tar.gz.error"), PosixFileAttributes.class);
    assertThat(note.group()).isEqualTo(folderGroup);
    assertThat(PosixFilePermissions.toString(note.permissions())).isEqualTo("rw-r-----");
  }

  @Test
  void aGiveBackBesideANameTooLongForTheFailedSuffixStillFits() throws IOException {
    var longName = FileName.of("x".repeat(FileName.MAX_BYTES - 7) + ".tar.gz");
    Files.writeString(pushImages.resolve(longName.value()), "ours");
    var claim = claims.claim(team, longName, operation);
    Files.writeString(pushImages.resolve(longName.value()), "theirs, dropped meanwhile");

    claims.release(claim, "Could not push it: broken.");

    assertThat(pushImages.resolve(longName.value())).hasContent("theirs, dropped meanwhile");
    assertThat(pushImages.resolve(longName.value() + ".error")).exists();
    try (var names = Files.list(pushImages)) {
      assertThat(names.map(path -> path.getFileName().toString()))
          .anySatisfy(name -> assertThat(name).endsWith(".failed-op-1").hasSizeLessThan(256));
    }
  }

  @Test
  void aClaimNobodyRenewedIsGivenBackAndItsOperationMarkedAbandoned() throws IOException {
    var clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    var timed = new ArchiveClaims(NasLayout.under(nas), clock);
    Files.writeString(pushImages.resolve("hello.tar.gz"), "bytes");
    var claim = timed.claim(team, file, operation);
    Files.setLastModifiedTime(claim.archive().getParent(), FileTime.from(clock.instant()));
    clock.advance(Duration.ofMinutes(30));

    assertThat(timed.giveBackStale(Duration.ofHours(1))).isEmpty();

    clock.advance(Duration.ofMinutes(31));
    var givenBack = timed.giveBackStale(Duration.ofHours(1));

    assertThat(givenBack).extracting(Claim::operationId).containsExactly(operation);
    assertThat(pushImages.resolve("hello.tar.gz")).hasContent("bytes");
    assertThat(pushImages.resolve("hello.tar.gz.error"))
        .content()
        .contains("no worker finished it");
    assertThat(timed.abandonedReason(team, operation)).isPresent();
    assertThat(timed.claimedBy(team, file)).isEmpty();
  }

  @Test
  void aClaimWhoseLeaseIsRenewedIsNotGivenBack() throws IOException {
    var clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    var timed = new ArchiveClaims(NasLayout.under(nas), clock);
    Files.writeString(pushImages.resolve("hello.tar.gz"), "bytes");
    var claim = timed.claim(team, file, operation);
    Files.setLastModifiedTime(claim.archive().getParent(), FileTime.from(clock.instant()));
    clock.advance(Duration.ofMinutes(50));
    timed.renewLease(claim);
    clock.advance(Duration.ofMinutes(50));

    assertThat(timed.giveBackStale(Duration.ofHours(1))).isEmpty();
    assertThat(claim.archive()).exists();
  }
}
