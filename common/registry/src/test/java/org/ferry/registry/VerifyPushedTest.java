package org.ferry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Digest;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.junit.jupiter.api.Test;

class VerifyPushedTest {

  private static final Digest PUSHED = Digest.of("sha256:" + "1".repeat(64));
  private static final Digest OTHER = Digest.of("sha256:" + "2".repeat(64));
  private static final ImageRef REF =
      new ImageRef("registry.test:5000", Team.of("team-a"), ImageName.of("hello"), Tag.of("v1"));

  private final RegistryReader registry = mock(RegistryReader.class);

  @Test
  void passesWhenTheRegistryServesThePushedDigest() {
    // given
    served(Optional.of(PUSHED));

    // when / then
    assertThatCode(() -> new VerifyPushed(registry).verify("push x", REF, PUSHED))
        .doesNotThrowAnyException();
  }

  @Test
  void failsForGoodAsAConflictWhenTheRegistryServesAnotherDigest() {
    // given: another push to the same tag overtook this one
    served(Optional.of(OTHER));

    // when / then
    assertThatThrownBy(() -> new VerifyPushed(registry).verify("push x", REF, PUSHED))
        .isInstanceOfSatisfying(
            PermanentFailure.class,
            failure -> assertThat(failure.reasonCode()).isEqualTo(ReasonCodes.CONFLICT))
        .hasMessageStartingWith(
            "Could not push x: the registry serves "
                + REF
                + " as "
                + OTHER
                + ", not as the pushed "
                + PUSHED);
  }

  @Test
  void failsForNowWhenTheRegistryDoesNotServeTheTagYet() {
    // given
    served(Optional.empty());

    // when / then
    assertThatThrownBy(() -> new VerifyPushed(registry).verify("push x", REF, PUSHED))
        .isInstanceOf(TransientFailure.class)
        .hasMessageContaining("does not serve " + REF);
  }

  private void served(Optional<Digest> digest) {
    when(registry.headManifest(Repository.parse("team-a/hello"), "v1"))
        .thenReturn(digest.map(d -> new ManifestInfo(d, "application/json", 10)));
  }
}
