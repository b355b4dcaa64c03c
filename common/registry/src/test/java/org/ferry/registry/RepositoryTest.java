package org.ferry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ferry.failure.InvalidValue;
import org.ferry.image.ImageName;
import org.ferry.image.ImageRef;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.junit.jupiter.api.Test;

class RepositoryTest {

  @Test
  void isTheNamespaceAndNameOfAReference() {
    // given
    var ref =
        new ImageRef("127.0.0.1:5000", Team.of("team-a"), ImageName.of("hello"), Tag.of("v1"));

    // when
    var repository = Repository.of(ref);

    // then
    assertThat(repository.path()).isEqualTo("team-a/hello");
    assertThat(repository.isIn(Team.of("team-a"))).isTrue();
    assertThat(repository.isIn(Team.COMMON)).isFalse();
  }

  @Test
  void parsesATwoLevelCatalogPath() {
    // when
    var repository = Repository.parse("common/base.image");

    // then
    assertThat(repository).isEqualTo(new Repository("common", "base.image"));
  }

  @Test
  void rejectsPathsThatAreNotNamespaceAndName() {
    for (var path : new String[] {"hello", "a/b/c", "team-a/", "/hello", "Team-A/hello", "a/-b"}) {
      assertThatThrownBy(() -> Repository.parse(path)).as(path).isInstanceOf(InvalidValue.class);
    }
  }
}
