package org.ferry.commitworker.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.ferry.contract.ReservationId;
import org.ferry.image.Team;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How container labels make a reservation, and which ids and prefixes are accepted. */
class ReservationLabelsTest {

  private final ReservationLabels labels = new ReservationLabels("ferry");

  @Test
  void readsTeamIdAndNameOfAReservation() {
    // given
    var onContainer =
        Map.of(
            "ferry.team", "team-a",
            "ferry.reservation.id", "r-1",
            "ferry.reservation.name", "exp-one",
            "org.other", "x");

    // when
    var parsed = labels.parse(onContainer);

    // then
    assertThat(parsed)
        .contains(
            new ReservationLabels.Labelled(Team.of("team-a"), ReservationId.of("r-1"), "exp-one"));
  }

  @Test
  void usesTheConfiguredPrefix() {
    // given
    var testbed = new ReservationLabels("colosseum.sc2");
    var onContainer =
        Map.of(
            "colosseum.sc2.team", "team-a",
            "colosseum.sc2.reservation.id", "42",
            "colosseum.sc2.reservation.name", "gpu run");

    // when
    var parsed = testbed.parse(onContainer);

    // then
    assertThat(testbed.teamKey()).isEqualTo("colosseum.sc2.team");
    assertThat(testbed.idKey()).isEqualTo("colosseum.sc2.reservation.id");
    assertThat(testbed.nameKey()).isEqualTo("colosseum.sc2.reservation.name");
    assertThat(parsed).map(ReservationLabels.Labelled::id).contains(ReservationId.of("42"));
    assertThat(labels.parse(onContainer)).isEmpty();
  }

  @Test
  void fallsBackToTheIdWhenTheNameIsMissingOrBlank() {
    // given
    var withoutName = Map.of("ferry.team", "team-a", "ferry.reservation.id", "r-1");
    var blankName =
        Map.of(
            "ferry.team", "team-a", "ferry.reservation.id", "r-1", "ferry.reservation.name", " ");

    // when / then
    assertThat(labels.parse(withoutName)).map(ReservationLabels.Labelled::name).contains("r-1");
    assertThat(labels.parse(blankName)).map(ReservationLabels.Labelled::name).contains("r-1");
  }

  @Test
  void isNoReservationWithoutAValidTeamOrId() {
    // given
    var noTeam = Map.of("ferry.reservation.id", "r-1");
    var badTeam = Map.of("ferry.team", "Team_A!", "ferry.reservation.id", "r-1");
    var blankTeam = Map.of("ferry.team", "", "ferry.reservation.id", "r-1");
    var noId = Map.of("ferry.team", "team-a");
    var blankId = Map.of("ferry.team", "team-a", "ferry.reservation.id", "");
    var badId = Map.of("ferry.team", "team-a", "ferry.reservation.id", "r 1");

    // when / then
    assertThat(labels.parse(noTeam)).isEmpty();
    assertThat(labels.parse(badTeam)).isEmpty();
    assertThat(labels.parse(blankTeam)).isEmpty();
    assertThat(labels.parse(noId)).isEmpty();
    assertThat(labels.parse(blankId)).isEmpty();
    assertThat(labels.parse(badId)).isEmpty();
    assertThat(labels.parse(null)).isEmpty();
  }

  @Test
  void clearedLabelsMakeACommittedImageNoReservation() {
    // given
    var container =
        new HashMap<>(
            Map.of(
                "ferry.team", "team-a",
                "ferry.reservation.id", "r-1",
                "ferry.reservation.name", "exp-one"));

    // when: the daemon merges the cleared labels over the container's own
    container.putAll(labels.cleared());

    // then
    assertThat(labels.cleared())
        .containsOnlyKeys("ferry.team", "ferry.reservation.id", "ferry.reservation.name");
    assertThat(labels.parse(container)).isEmpty();
  }

  @Test
  void stripsControlCharactersFromNames() {
    // given
    var onContainer =
        Map.of(
            "ferry.team", "team-a",
            "ferry.reservation.id", "r-1",
            "ferry.reservation.name", "exp\none");

    // when / then
    assertThat(labels.parse(onContainer)).map(ReservationLabels.Labelled::name).contains("exp?one");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Ferry", "ferry.", ".ferry", "fer..ry", "fer ry", "ferry/x"})
  void rejectsPrefixesThatAreNoLabelKeys(String prefix) {
    assertThatThrownBy(() -> new ReservationLabels(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ferry.commit.label-prefix");
  }
}
