package org.ferry.exportworker.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.ferry.boot.RegistryProperties;
import org.ferry.contract.ExportRequested;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Digest;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.nas.NasLayout;
import org.ferry.operation.OperationId;
import org.ferry.operation.Progress;
import org.ferry.operation.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImageTest {

  private static final Team TEAM_A = Team.of("team-a");
  private static final Team TEAM_B = Team.of("team-b");
  private static final Digest DIGEST = Digest.of("sha256:" + "d".repeat(64));
  private static final byte[] ARCHIVE = "archive bytes".getBytes(StandardCharsets.UTF_8);

  @TempDir Path root;
  private Path exported;
  private final AtomicBoolean engineCalled = new AtomicBoolean();

  @BeforeEach
  void teamFolders() throws IOException {
    for (var team : new Team[] {TEAM_A, TEAM_B}) {
      Files.createDirectories(root.resolve(team.value()).resolve(NasLayout.EXPORTED_IMAGES));
    }
    exported = root.resolve("team-a").resolve(NasLayout.EXPORTED_IMAGES);
  }

  @Test
  void writesTheArchiveAndItsChecksumUnderTheFinalNamesOnly() throws IOException {
    // given
    var export = exportWith(writing(ARCHIVE));

    // when
    var outcome = export.export(request(TEAM_A, "copy", false), Progress.NONE);

    // then
    var sha = sha256(ARCHIVE);
    assertThat(names(exported)).containsExactlyInAnyOrder("copy.tar.gz", "copy.tar.gz.sha256");
    assertThat(exported.resolve("copy.tar.gz")).hasBinaryContent(ARCHIVE);
    assertThat(exported.resolve("copy.tar.gz.sha256")).hasContent(sha + "  copy.tar.gz");
    assertThat(Files.readString(exported.resolve("copy.tar.gz.sha256"))).endsWith("\n");
    assertThat(outcome.message())
        .isEqualTo(
            "Exported team-a/hello:v1 to team-a/exported-images/copy.tar.gz ("
                + ARCHIVE.length
                + " bytes, sha256 "
                + sha
                + "). docker load -i loads it as team-a/hello:v1.");
    assertThat(outcome.result())
        .containsEntry("path", "exported-images/copy.tar.gz")
        .containsEntry("size", Integer.toString(ARCHIVE.length))
        .containsEntry("sha256", sha)
        .containsEntry("reference", "127.0.0.1:5000/team-a/hello:v1")
        .containsEntry("digest", DIGEST.value());
  }

  @Test
  void refusesAnotherTeamsImageBeforeTouchingAnything() {
    // given
    var export = exportWith(writing(ARCHIVE));

    // when / then
    assertThatThrownBy(() -> export.export(request(TEAM_B, "copy", false), Progress.NONE))
        .isInstanceOf(PermanentFailure.class)
        .hasMessage(
            "Could not export team-b/hello:v1: images of other teams cannot be exported."
                + " Export one of your team's images or a common one.")
        .extracting(e -> ((FerryFailure) e).reasonCode())
        .isEqualTo(ReasonCodes.FORBIDDEN);
    assertThat(engineCalled).isFalse();
    assertThat(names(exported)).isEmpty();
  }

  @Test
  void exportsACommonImage() {
    // given
    var export = exportWith(writing(ARCHIVE));

    // when
    var outcome = export.export(request(Team.COMMON, "copy", false), Progress.NONE);

    // then
    assertThat(outcome.result()).containsEntry("reference", "127.0.0.1:5000/common/hello:v1");
    assertThat(exported.resolve("copy.tar.gz")).exists();
  }

  @Test
  void keepsAnExistingExportUnlessAskedToOverwrite() throws IOException {
    // given
    Files.writeString(exported.resolve("copy.tar.gz"), "earlier");
    var export = exportWith(writing(ARCHIVE));

    // when / then
    assertThatThrownBy(() -> export.export(request(TEAM_A, "copy", false), Progress.NONE))
        .isInstanceOf(PermanentFailure.class)
        .hasMessage(
            "Could not export team-a/hello:v1: team-a/exported-images/copy.tar.gz already"
                + " exists. Choose another export name or ask to overwrite it.");
    assertThat(exported.resolve("copy.tar.gz")).hasContent("earlier");
    assertThat(names(exported)).containsExactly("copy.tar.gz");
  }

  @Test
  void replacesAnExistingExportWhenAskedTo() throws IOException {
    // given
    Files.writeString(exported.resolve("copy.tar.gz"), "earlier");
    var export = exportWith(writing(ARCHIVE));

    // when
    var outcome = export.export(request(TEAM_A, "copy", true), Progress.NONE);

    // then
    assertThat(exported.resolve("copy.tar.gz")).hasBinaryContent(ARCHIVE);
    assertThat(outcome.message()).contains("it replaced the earlier export");
  }

  @Test
  void replacesALinkUnderTheFinalNameWithoutWritingThroughIt() throws IOException {
    // given: team-a links its export name to team-b's file
    var victim = root.resolve("team-b").resolve(NasLayout.EXPORTED_IMAGES).resolve("x.tar.gz");
    Files.writeString(victim, "team-b's");
    Files.createSymbolicLink(exported.resolve("copy.tar.gz"), victim);
    Files.createSymbolicLink(exported.resolve("copy.tar.gz.sha256"), victim);
    var export = exportWith(writing(ARCHIVE));

    // when
    export.export(request(TEAM_A, "copy", true), Progress.NONE);

    // then
    assertThat(victim).hasContent("team-b's");
    assertThat(Files.isSymbolicLink(exported.resolve("copy.tar.gz"))).isFalse();
    assertThat(Files.isSymbolicLink(exported.resolve("copy.tar.gz.sha256"))).isFalse();
    assertThat(exported.resolve("copy.tar.gz")).hasBinaryContent(ARCHIVE);
  }

  @Test
  void treatsALinkUnderTheFinalNameAsAnExistingExport() throws IOException {
    // given
    Files.createSymbolicLink(exported.resolve("copy.tar.gz"), root.resolve("nowhere"));
    var export = exportWith(writing(ARCHIVE));

    // when / then
    assertThatThrownBy(() -> export.export(request(TEAM_A, "copy", false), Progress.NONE))
        .extracting(e -> ((FerryFailure) e).reasonCode())
        .isEqualTo(ReasonCodes.CONFLICT);
  }

  @Test
  void refusesAnExportFolderThatIsALink() throws IOException {
    // given
    Files.delete(exported);
    Files.createSymbolicLink(exported, root.resolve("team-b").resolve(NasLayout.EXPORTED_IMAGES));
    var export = exportWith(writing(ARCHIVE));

    // when / then
    assertThatThrownBy(() -> export.export(request(TEAM_A, "copy", false), Progress.NONE))
        .extracting(e -> ((FerryFailure) e).reasonCode())
        .isEqualTo(ReasonCodes.FORBIDDEN);
    assertThat(names(root.resolve("team-b").resolve(NasLayout.EXPORTED_IMAGES))).isEmpty();
  }

  @Test
  void reportsAFullDiskAndLeavesNoFileBehind() {
    // given: the disk fills up half-way through the archive
    ExportEngine engine =
        (source, out, progress) -> {
          out.write(ARCHIVE);
          out.flush();
          throw new IOException("No space left on device");
        };
    var export = exportWith(engine);

    // when / then
    assertThatThrownBy(() -> export.export(request(TEAM_A, "copy", false), Progress.NONE))
        .isInstanceOf(PermanentFailure.class)
        .hasMessage(
            "Could not export team-a/hello:v1: the team's NAS folder is full. Free space in"
                + " team-a/exported-images and try again.")
        .extracting(e -> ((FerryFailure) e).reasonCode())
        .isEqualTo(ReasonCodes.NO_SPACE);
    assertThat(names(exported)).isEmpty();
  }

  @Test
  void leavesNoFileBehindWhenTheRegistryFails() {
    // given
    ExportEngine engine =
        (source, out, progress) -> {
          out.write(ARCHIVE);
          throw new TransientFailure("export", "the registry is gone", "Try again.", null);
        };
    var export = exportWith(engine);

    // when / then
    assertThatThrownBy(() -> export.export(request(TEAM_A, "copy", false), Progress.NONE))
        .isInstanceOf(TransientFailure.class);
    assertThat(names(exported)).isEmpty();
  }

  private ExportImage exportWith(ExportEngine engine) {
    ExportEngine recording =
        (source, out, progress) -> {
          engineCalled.set(true);
          return engine.write(source, out, progress);
        };
    return new ExportImage(
        recording,
        NasLayout.under(root),
        new RegistryProperties("127.0.0.1:5000", null, null, null, null, null),
        new SimpleMeterRegistry());
  }

  private static ExportEngine writing(byte[] content) {
    return (source, out, progress) -> {
      out.write(content);
      return new ExportedImage(DIGEST, source.shortName());
    };
  }

  private static ExportRequested request(Team namespace, String name, boolean overwrite) {
    return new ExportRequested(
        OperationId.random(),
        TEAM_A,
        Instant.now(),
        "alice",
        Source.API,
        namespace,
        ImageName.of("hello"),
        Tag.of("v1"),
        ImageName.of(name),
        overwrite);
  }

  private static String[] names(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).toArray(String[]::new);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
