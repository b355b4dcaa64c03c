package org.ferry.watcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.ferry.contract.FileName;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveNamingTest {

  @ParameterizedTest(name = "{0} is pushed as {1}")
  @CsvSource({
    "hello.tar.gz, hello",
    "hello.tgz, hello",
    "hello.tar, hello",
    "my_app-2.tar.gz, my_app-2",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa.tar.gz, aaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  })
  void theFileStemIsTheImageName(String file, String image) {
    // given an archive's file name

    // when it is named
    var name = ArchiveNaming.imageName(FileName.of(file));

    // then
    assertThat(name).isEqualTo(ImageName.of(image));
  }

  @ParameterizedTest(name = "{0} is rejected")
  @ValueSource(
      strings = {
        "Hello World.tar.gz",
        "UPPER.tar.gz",
        "a--b.tar",
        "-app.tgz",
        "app-.tar.gz",
        "app.v2.tar.gz",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.tar.gz"
      })
  void aStemThatBreaksTheRuleIsRejectedWithTheRuleAndTheWayOut(String file) {
    // given an archive whose stem is no valid image name

    // when / then the message names the file, the rule and the Push button
    assertThatThrownBy(() -> ArchiveNaming.imageName(FileName.of(file)))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageStartingWith("Could not push " + file + " automatically: ")
        .hasMessageContaining(ImageName.RULE)
        .hasMessageContaining("Push button")
        .satisfies(
            failure ->
                assertThat(((PermanentFailure) failure).reasonCode())
                    .isEqualTo(ReasonCodes.INVALID_INPUT));
  }

  @ParameterizedTest(name = "RepoTags {0} gives tag {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "app:v1.2                                 | v1.2",
        "team-a/app:2024_01                       | 2024_01",
        "127.0.0.1:5000/team-b/x:v2               | v2",
        "registry.example:443/deep/path/app:rc-1  | rc-1",
        "localhost:5000/app                       | latest",
        "app                                      | latest",
        "app:.hidden                              | latest",
        "app:-dash                                | latest",
        "app:                                     | latest",
        "app@sha256:0123456789abcdef              | latest",
      })
  void theTagComesFromTheOnlyRepoTagWhenItIsValid(String repoTag, String tag) {
    // given an archive with one RepoTags entry

    // when its tag is chosen
    var chosen = ArchiveNaming.tag(List.of(repoTag));

    // then
    assertThat(chosen).isEqualTo(Tag.of(tag));
  }

  @Test
  void aTagOf128CharactersIsKeptAndOneOf129IsNot() {
    // given RepoTags entries with tags at and past the limit
    var longest = "v" + "1".repeat(127);
    var tooLong = "v" + "1".repeat(128);

    // when / then
    assertThat(ArchiveNaming.tag(List.of("app:" + longest))).isEqualTo(Tag.of(longest));
    assertThat(ArchiveNaming.tag(List.of("app:" + tooLong))).isEqualTo(Tag.LATEST);
  }

  @Test
  void withoutExactlyOneRepoTagTheTagIsLatest() {
    // given archives saved by image id (no RepoTags) or under two tags

    // when / then
    assertThat(ArchiveNaming.tag(null)).isEqualTo(Tag.LATEST);
    assertThat(ArchiveNaming.tag(List.of())).isEqualTo(Tag.LATEST);
    assertThat(ArchiveNaming.tag(Arrays.asList((String) null))).isEqualTo(Tag.LATEST);
    assertThat(ArchiveNaming.tag(List.of("app:v1", "app:v2"))).isEqualTo(Tag.LATEST);
  }
}
