package org.ferry.exportworker.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ferry.nas.NasLayout;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoveAbandonedExportsTest {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final String TEMP = ".copy.tar.gz.0123456789ab.tmp";

  @TempDir Path root;
  @TempDir Path outside;
  private Path exported;
  private RemoveAbandonedExports remove;

  @BeforeEach
  void setUp() throws IOException {
    exported = Files.createDirectories(root.resolve("team-a").resolve(NasLayout.EXPORTED_IMAGES));
    remove =
        new RemoveAbandonedExports(
            NasLayout.under(root),
            new ExportProperties(null, Duration.ofHours(1)),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void removesOnlyOldTemporaryFilesOfExports() throws IOException {
    // given
    var abandoned = file(exported.resolve(TEMP), Duration.ofHours(2));
    var abandonedChecksum =
        file(exported.resolve(".copy.tar.gz.sha256.0123456789ab.tmp"), Duration.ofHours(2));
    var running = file(exported.resolve(".other.tar.gz.ba9876543210.tmp"), Duration.ofMinutes(5));
    var published = file(exported.resolve("copy.tar.gz"), Duration.ofDays(3));
    var users = file(exported.resolve(".notes.tmp"), Duration.ofDays(3));

    // when
    var removed = remove.remove();

    // then
    assertThat(removed).isEqualTo(2);
    assertThat(abandoned).doesNotExist();
    assertThat(abandonedChecksum).doesNotExist();
    assertThat(running).exists();
    assertThat(published).exists();
    assertThat(users).exists();
  }

  @Test
  void neverFollowsALinkedExportFolderOrDeletesALink() throws IOException {
    // given
    var elsewhere = file(outside.resolve(TEMP), Duration.ofHours(2));
    Files.createDirectories(root.resolve("team-b"));
    Files.createSymbolicLink(root.resolve("team-b").resolve(NasLayout.EXPORTED_IMAGES), outside);
    var link = exported.resolve(".x.tar.gz.0123456789ab.tmp");
    Files.createSymbolicLink(link, elsewhere);
    Files.setLastModifiedTime(elsewhere, FileTime.from(NOW.minus(Duration.ofHours(2))));

    // when
    var removed = remove.remove();

    // then
    assertThat(removed).isZero();
    assertThat(elsewhere).exists();
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void skipsTeamsWithoutAnExportFolder() throws IOException {
    // given
    Files.createDirectories(root.resolve("team-c"));
    var abandoned = file(exported.resolve(TEMP), Duration.ofHours(2));

    // when
    var removed = remove.remove();

    // then
    assertThat(removed).isEqualTo(1);
    assertThat(abandoned).doesNotExist();
  }

  private static Path file(Path path, Duration age) throws IOException {
    Files.writeString(path, "bytes");
    Files.setLastModifiedTime(path, FileTime.from(NOW.minus(age)));
    return path;
  }
}
