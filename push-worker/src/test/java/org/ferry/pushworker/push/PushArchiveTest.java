package org.ferry.pushworker.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.ferry.archive.ArchiveInspector;
import org.ferry.archive.ArchiveLimits;
import org.ferry.contract.FileName;
import org.ferry.contract.PushRequested;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Digest;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.NasLayout;
import org.ferry.operation.OperationId;
import org.ferry.operation.Progress;
import org.ferry.operation.Source;
import org.ferry.registry.ManifestInfo;
import org.ferry.registry.RegistryAccess;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.Repository;
import org.ferry.testing.TestArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushArchiveTest {

  private static final Digest PUSHED = Digest.of("sha256:" + "a1".repeat(32));
  private static final Digest OTHER = Digest.of("sha256:" + "b2".repeat(32));

  @TempDir Path nas;

  private final Team team = Team.of("team-a");
  private final RegistryReader registry = mock(RegistryReader.class);
  private PushEngine engine = (archive, target, progress) -> new PushedImage(PUSHED, 42);
  private Path archive;
  private byte[] original;

  @BeforeEach
  void teamWithAnArchive() throws IOException {
    Files.createDirectories(nas.resolve("team-a/push-images"));
    archive = nas.resolve("team-a/push-images/hello.tar.gz");
    TestArchive.dockerSave("x:1").writeTar(archive);
    original = Files.readAllBytes(archive);
    when(registry.access()).thenReturn(new RegistryAccess("registry.test:5000", null, "u", "p"));
  }

  @Test
  void deletesTheArchiveAndKeepsTheResultWhenTheRegistryServesThePushedDigest() {
    // given
    servedDigest(PUSHED);
    var request = request();

    // when
    var outcome = pushArchive().push(request, Progress.NONE);

    // then
    assertThat(outcome.message())
        .isEqualTo("Pushed registry.test:5000/team-a/hello:v1 (" + PUSHED + ")");
    assertThat(outcome.result())
        .containsEntry("reference", "registry.test:5000/team-a/hello:v1")
        .containsEntry("digest", PUSHED.value())
        .containsEntry("size", "42");
    assertThat(archive).doesNotExist();
    assertThat(claims().completedResult(team, request.operationId())).isPresent();
  }

  @Test
  void givesTheArchiveBackWithTheErrorWhenTheEngineFailsForGood() throws IOException {
    // given
    var failure =
        new TransientFailure("push hello.tar.gz", "the registry is down", "Try again later.", null);
    engine =
        (archive, target, progress) -> {
          throw failure;
        };

    // when / then
    assertThatThrownBy(() -> pushArchive().push(request(), Progress.NONE)).isSameAs(failure);
    assertThat(Files.readAllBytes(archive)).isEqualTo(original);
    assertThat(nas.resolve("team-a/push-images/hello.tar.gz.error"))
        .hasContent(failure.getMessage());
  }

  @Test
  void failsAsAConflictAndGivesTheArchiveBackWhenTheRegistryServesAnotherDigest()
      throws IOException {
    // given: another push to the same tag overtook this one
    servedDigest(OTHER);

    // when / then: retrying would only overwrite the other push, so it fails for good
    assertThatThrownBy(() -> pushArchive().push(request(), Progress.NONE))
        .isInstanceOfSatisfying(
            PermanentFailure.class,
            failure -> assertThat(failure.reasonCode()).isEqualTo(ReasonCodes.CONFLICT))
        .hasMessageContaining("as " + OTHER + ", not as the pushed " + PUSHED);
    assertThat(Files.readAllBytes(archive)).isEqualTo(original);
    assertThat(nas.resolve("team-a/push-images/hello.tar.gz.error")).exists();
  }

  @Test
  void givesTheArchiveBackWithANoteForTheOperatorsOnAnInternalError() throws IOException {
    // given
    var request = request();
    engine =
        (archive, target, progress) -> {
          throw new IllegalStateException("a bug");
        };

    // when / then
    assertThatThrownBy(() -> pushArchive().push(request, Progress.NONE))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Files.readAllBytes(archive)).isEqualTo(original);
    assertThat(nas.resolve("team-a/push-images/hello.tar.gz.error"))
        .hasContent(
            "Could not push hello.tar.gz: Ferry hit an internal error. Tell the operators the"
                + " operation id "
                + request.operationId()
                + ".");
  }

  @Test
  void neverTouchesTheArchiveOfARequestForCommon() {
    // given
    var request =
        new PushRequested(
            OperationId.random(),
            Team.COMMON,
            Instant.now(),
            "alice",
            Source.API,
            FileName.of("hello.tar.gz"),
            ImageName.of("hello"),
            Tag.of("v1"));

    // when / then
    assertThatThrownBy(() -> pushArchive().push(request, Progress.NONE))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageStartingWith("Could not push hello.tar.gz to common");
    assertThat(archive).exists();
  }

  private void servedDigest(Digest digest) {
    var ref = new ImageRef("registry.test:5000", team, ImageName.of("hello"), Tag.of("v1"));
    when(registry.headManifest(Repository.of(ref), "v1"))
        .thenReturn(Optional.of(new ManifestInfo(digest, "application/json", 10)));
  }

  private PushRequested request() {
    return new PushRequested(
        OperationId.random(),
        team,
        Instant.now(),
        "alice",
        Source.API,
        FileName.of("hello.tar.gz"),
        ImageName.of("hello"),
        Tag.of("v1"));
  }

  private ArchiveClaims claims() {
    return new ArchiveClaims(NasLayout.under(nas));
  }

  private PushArchive pushArchive() {
    var claims = claims();
    return new PushArchive(
        claims,
        new ClaimLeases(claims, new PushProperties(null, null, null)),
        new ArchiveInspector(ArchiveLimits.defaults()),
        engine,
        registry,
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }
}
