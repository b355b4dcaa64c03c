package org.ferry.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReasonTest {

  @Test
  void knowsEveryReasonCodeByItsLabel() throws IllegalAccessException {
    // given every constant of ReasonCodes
    var codes =
        Arrays.stream(ReasonCodes.class.getFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()))
            .toList();
    assertThat(codes).hasSize(Reason.values().length - 1);

    // then each is a reason's label
    for (var code : codes) {
      var label = (String) code.get(null);
      assertThat(Reason.of(label)).as(label).isNotEqualTo(Reason.UNKNOWN);
      assertThat(Reason.of(label).label()).isEqualTo(label);
    }
  }

  @Test
  void takesALabelItDoesNotKnowAsUnknown() {
    assertThat(Reason.of("quota-exceeded")).isEqualTo(Reason.UNKNOWN);
    assertThat(Reason.of(null)).isEqualTo(Reason.UNKNOWN);
    assertThat(Reason.of("BAD-ARCHIVE")).isEqualTo(Reason.UNKNOWN);
  }

  @Test
  void aFailureNamesItsReason() {
    var failure = new PermanentFailure("push", "x", "y", ReasonCodes.NO_SPACE);

    assertThat(failure.reason()).isEqualTo(Reason.NO_SPACE);
  }
}
