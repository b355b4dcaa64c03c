package org.ferry.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ferry.failure.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReservationIdTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "r-1             | true",
        "42              | true",
        "a               | true",
        "gpu@1           | true",
        "res_2.b:c@d     | true",
        "R-1             | true",
        "''              | false",
        "' '             | false",
        "-r              | false",
        "@gpu            | false",
        "r 1             | false",
        "r/1             | false",
        "r=1             | false",
        "r,1             | false",
      })
  void acceptsExactlyTheTestbedsIds(String id, boolean valid) {
    // when
    var accepted = ReservationId.isValid(id);

    // then
    assertThat(accepted).isEqualTo(valid);
    if (valid) {
      assertThat(ReservationId.of(id).value()).isEqualTo(id);
    } else {
      assertThatThrownBy(() -> ReservationId.of(id))
          .isInstanceOf(InvalidValue.class)
          .hasMessageContaining("reservationId")
          .hasMessageContaining(ReservationId.RULE);
    }
  }

  @ParameterizedTest
  @CsvSource({"128, true", "129, false", "0, false"})
  void limitsIdsTo128Characters(int length, boolean valid) {
    assertThat(ReservationId.isValid("r".repeat(length))).isEqualTo(valid);
  }

  @ParameterizedTest
  @ValueSource(strings = {"r\n1", "r\t1", "r1\n"})
  void rejectsControlCharacters(String id) {
    assertThat(ReservationId.isValid(id)).isFalse();
  }

  @Test
  void travelsAsAPlainJsonString() throws Exception {
    // given
    var json = new ObjectMapper();

    // when
    var written = json.writeValueAsString(ReservationId.of("gpu@1"));
    var read = json.readValue("\"gpu@1\"", ReservationId.class);

    // then
    assertThat(written).isEqualTo("\"gpu@1\"");
    assertThat(read).isEqualTo(ReservationId.of("gpu@1"));
  }
}
