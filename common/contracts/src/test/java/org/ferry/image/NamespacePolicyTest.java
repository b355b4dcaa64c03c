package org.ferry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamespacePolicyTest {

  @ParameterizedTest(name = "{0} on {1}: read {2}, write {3}")
  @CsvSource({
    "team-a, team-a, true, true",
    "team-a, common, true, false",
    "team-a, team-b, false, false",
    "common, common, true, false",
  })
  void letsATeamReadItsOwnAndCommonAndWriteOnlyItsOwn(
      String team, String namespace, boolean read, boolean write) {
    // when / then
    assertThat(NamespacePolicy.mayRead(Team.of(team), Team.of(namespace))).isEqualTo(read);
    assertThat(NamespacePolicy.mayWrite(Team.of(team), Team.of(namespace))).isEqualTo(write);
  }

  @Test
  void refusesWritesIntoCommonAsForbidden() {
    // when / then
    assertThatThrownBy(
            () ->
                NamespacePolicy.requireWrite(
                    Team.COMMON, Team.COMMON, "push x.tar.gz", "Push to your team's namespace."))
        .isInstanceOfSatisfying(
            PermanentFailure.class,
            failure -> assertThat(failure.reasonCode()).isEqualTo(ReasonCodes.FORBIDDEN))
        .hasMessage(
            "Could not push x.tar.gz: the common namespace is shared and read-only for teams."
                + " Push to your team's namespace.");
  }

  @Test
  void refusesWritesIntoAnotherTeamsNamespace() {
    assertThatThrownBy(
            () -> NamespacePolicy.requireWrite(Team.of("team-a"), Team.of("team-b"), "push", "."))
        .hasMessageContaining("the namespace team-b belongs to another team");
  }

  @Test
  void letsATeamWriteItsOwnNamespace() {
    assertThatCode(
            () -> NamespacePolicy.requireWrite(Team.of("team-a"), Team.of("team-a"), "push", "."))
        .doesNotThrowAnyException();
  }
}
