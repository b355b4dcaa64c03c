package org.ferry.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageTest {

  @Test
  void readsEachStageBackFromItsLabel() {
    for (var stage : Stage.values()) {
      assertThat(Stage.of(stage.label())).isEqualTo(stage);
    }
    assertThat(Stage.UPLOADING.label()).isEqualTo("uploading");
  }

  @Test
  void takesALabelItDoesNotKnowAsUnknown() {
    assertThat(Stage.of("signing")).isEqualTo(Stage.UNKNOWN);
    assertThat(Stage.of(null)).isEqualTo(Stage.UNKNOWN);
  }

  @Test
  void aProgressSinkTakesTheStageByItsLabel() {
    // given
    List<String> reported = new ArrayList<>();
    Progress progress = (stage, done, total) -> reported.add(stage + " " + done + "/" + total);

    // when
    progress.report(Stage.VERIFYING, 1, 2);

    // then
    assertThat(reported).containsExactly("verifying 1/2");
  }
}
