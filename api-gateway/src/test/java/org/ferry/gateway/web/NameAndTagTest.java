package org.ferry.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ferry.failure.InvalidValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameAndTagTest {

  @ParameterizedTest
  @CsvSource({
    "hello, hello, latest",
    "hello:v1, hello, v1",
    "my-image_2:1.0.0-rc_1, my-image_2, 1.0.0-rc_1",
    "abcdefghijklmnopqrstuvwxyz012:V, abcdefghijklmnopqrstuvwxyz012, V",
  })
  void splitsOnTheSingleColon(String value, String name, String tag) {
    // when
    var parsed = NameAndTag.parse("image", value);

    // then
    assertThat(parsed.name().value()).isEqualTo(name);
    assertThat(parsed.tag().value()).isEqualTo(tag);
  }

  @ParameterizedTest
  @CsvSource({
    "Hello, name",
    "hello:, tag",
    "hello:-x, tag",
    "a:b:c, ':'",
    "127.0.0.1:5000/team/x, name",
    "team/x:1, name",
    "abcdefghijklmnopqrstuvwxyz0123, name",
    "-x, name",
    "x__y, name",
  })
  void refusesWhatBreaksTheRulesNamingTheField(String value, String part) {
    assertThatThrownBy(() -> NameAndTag.parse("image", value))
        .isInstanceOfSatisfying(
            InvalidValue.class,
            invalid -> {
              assertThat(invalid.field()).isEqualTo("image");
              assertThat(invalid.rule()).contains(part);
            });
  }
}
