package org.ferry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.Digest;
import org.junit.jupiter.api.Test;

class TagMovedTest {

  private static final Digest SEEN = Digest.of("sha256:" + "a".repeat(64));
  private static final Digest NOW = Digest.of("sha256:" + "b".repeat(64));

  @Test
  void refusesATagThatPointsAtAnotherDigestAndNamesBoth() {
    // when
    var moved =
        catchThrowableOfType(
            TagMoved.class, () -> TagMoved.check("delete team-a/hello:v1", Optional.of(SEEN), NOW));

    // then
    assertThat(moved.reasonCode()).isEqualTo(ReasonCodes.CONFLICT);
    assertThat(moved.getMessage())
        .isEqualTo(
            "Could not delete team-a/hello:v1: the tag now points at "
                + NOW
                + ", not at "
                + SEEN
                + " that the request named. Someone pushed to it since: look at the image again"
                + " and delete it if it should still go.");
    assertThat(moved.current()).isEqualTo(NOW);
    assertThat(moved.details())
        .containsEntry("currentDigest", NOW.value())
        .containsEntry("expectedDigest", SEEN.value());
  }

  @Test
  void letsATagThatStillPointsAtTheSeenDigestPass() {
    assertThatCode(() -> TagMoved.check("delete team-a/hello:v1", Optional.of(SEEN), SEEN))
        .doesNotThrowAnyException();
  }

  @Test
  void checksNothingWhenTheRequestNamedNoDigest() {
    assertThatCode(() -> TagMoved.check("delete team-a/hello:v1", Optional.empty(), NOW))
        .doesNotThrowAnyException();
  }
}
