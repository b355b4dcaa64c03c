package org.ferry.nas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Giving an archive back when its request could not be sent: no note, nothing lost. */
class ArchiveUnclaimTest {

  @TempDir Path nas;

  private final Team team = Team.of("team-a");
  private final FileName file = FileName.of("hello.tar.gz");
  private final OperationId operation = OperationId.of("op-1");
  private ArchiveClaims claims;
  private Path pushImages;

  @BeforeEach
  void teamFolders() throws IOException {
    pushImages = Files.createDirectories(nas.resolve("team-a/push-images"));
    claims = new ArchiveClaims(NasLayout.under(nas));
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
}
