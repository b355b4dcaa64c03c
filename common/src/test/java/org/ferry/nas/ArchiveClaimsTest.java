package org.ferry.nas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferry.failure.PermanentFailure;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
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

    assertThatThrownBy(() -> NasLayout.under(nas).pushImages(Team.of("team-c")))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("symbolic link");
  }
}
