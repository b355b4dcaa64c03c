package org.ferry.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ferry.failure.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The testbed's naming rule for image names and teams, and the registry's rule for tags. */
class NamingRulesTest {

  private static final String NAME_29 = "a".repeat(29);
  private static final String NAME_30 = "a".repeat(30);
  private static final String TAG_128 = "v" + "1".repeat(127);
  private static final String TAG_129 = "v" + "1".repeat(128);

  @ParameterizedTest(name = "image name ''{0}'' valid: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hello            | true",
        "a                | true",
        "123              | true",
        "a1b2             | true",
        "a-b              | true",
        "a_b              | true",
        "a-b_c-d          | true",
        "a--b             | false",
        "a__b             | false",
        "a-_b             | false",
        "-a               | false",
        "_a               | false",
        "a-               | false",
        "a_               | false",
        "Hello            | false",
        "UPPER            | false",
        "hEllo            | false",
        "hello world      | false",
        "a.b              | false",
        "a/b              | false",
        "a:b              | false",
        "héllo            | false",
        "''               | false",
      })
  void imageNamesFollowTheTestbedRule(String value, boolean valid) {
    // given a candidate name

    // when it is checked
    var accepted = ImageName.isValid(value);

    // then only names of lowercase letters and digits with single inner separators pass
    assertThat(accepted).isEqualTo(valid);
    if (valid) {
      assertThat(ImageName.of(value).value()).isEqualTo(value);
    } else {
      assertThatThrownBy(() -> ImageName.of(value)).isInstanceOf(InvalidValue.class);
    }
  }

  @Test
  void imageNamesMayHave29CharactersButNot30() {
    // given names at the length limit and one past it
    assertThat(NAME_29).hasSize(29);
    assertThat(NAME_30).hasSize(30);

    // when / then
    assertThat(ImageName.isValid(NAME_29)).isTrue();
    assertThat(ImageName.isValid(NAME_30)).isFalse();
    assertThat(ImageName.isValid("a-" + "b".repeat(27))).isTrue();
    assertThat(ImageName.isValid("a-" + "b".repeat(28))).isFalse();
  }

  @ParameterizedTest(name = "team ''{0}'' valid: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "team-a | true",
        "common | true",
        "team_b | true",
        "Team-A | false",
        "team--a | false",
        "-team | false",
      })
  void teamsFollowTheSameRuleAsImageNames(String value, boolean valid) {
    // given a candidate team name

    // when it is parsed
    var parsed = valid ? Team.of(value) : null;

    // then it is accepted exactly when an image name would be
    assertThat(ImageName.isValid(value)).isEqualTo(valid);
    if (valid) {
      assertThat(parsed.value()).isEqualTo(value);
    } else {
      assertThatThrownBy(() -> Team.of(value)).isInstanceOf(InvalidValue.class);
    }
  }

  @ParameterizedTest(name = "tag ''{0}'' valid: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "latest   | true",
        "v1.0     | true",
        "1.0.3-rc | true",
        "V1_X     | true",
        "_x       | true",
        "x.       | true",
        "x-       | true",
        ".x       | false",
        "-x       | false",
        "v1:0     | false",
        "v1/0     | false",
        "v 1      | false",
        "v1+0     | false",
        "''       | false",
      })
  void tagsFollowTheRegistryGrammar(String value, boolean valid) {
    // given a candidate tag

    // when it is checked
    var accepted = Tag.isValid(value);

    // then letters, digits, '_', '.' and '-' pass, but not first '.' or '-'
    assertThat(accepted).isEqualTo(valid);
    if (valid) {
      assertThat(Tag.of(value).value()).isEqualTo(value);
    } else {
      assertThatThrownBy(() -> Tag.of(value)).isInstanceOf(InvalidValue.class);
    }
  }

  @Test
  void tagsMayHave128CharactersButNot129() {
    // given tags at the length limit and one past it
    assertThat(TAG_128).hasSize(128);
    assertThat(TAG_129).hasSize(129);

    // when / then
    assertThat(Tag.isValid(TAG_128)).isTrue();
    assertThat(Tag.isValid(TAG_129)).isFalse();
  }

  @Test
  void noTagMeansLatest() {
    // given no tag, or an empty one

    // when / then
    assertThat(Tag.orLatest(null)).isEqualTo(Tag.LATEST);
    assertThat(Tag.orLatest("")).isEqualTo(Tag.LATEST);
    assertThat(Tag.orLatest("v2")).isEqualTo(Tag.of("v2"));
  }

  @Test
  void aRejectedNameNamesTheFieldAndTheRule() {
    // given a name that breaks the rule

    // when it is parsed
    var failure = assertThrows(InvalidValue.class, () -> ImageName.of("Hello World"));

    // then the message says which field, which value and which rule
    assertThat(failure.field()).isEqualTo("image name");
    assertThat(failure.rule()).isEqualTo(ImageName.RULE);
    assertThat(failure.getMessage())
        .startsWith("Could not accept image name 'Hello World': it breaks the rule: ")
        .contains(ImageName.RULE);
  }
}
