package org.ferry.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

  private static final String HASH =
      "{bcrypt}$2a$04$abcdefghijklmnopqrstuuN8mXk4b4hQpS3yI3a0kF3c1mJ6Xk4m2";

  @TempDir Path folder;

  @Test
  void readsTeamMembersAndAdmins() throws Exception {
    // given
    var file = folder.resolve("users");
    Files.writeString(file, "# accounts\nalice=team-a:" + HASH + "\n\nroot=*:" + HASH + "\n");

    // when
    var users = UsersFile.read(file);

    // then
    assertThat(users.get("alice").getAuthorities())
        .extracting(Object::toString)
        .containsExactly("TEAM_team-a");
    assertThat(users.get("root").getAuthorities())
        .extracting(Object::toString)
        .containsExactly("ROLE_ADMIN");
  }

  @Test
  void refusesALineWithoutTeamAndNeverShowsTheHash() throws Exception {
    // given
    var file = folder.resolve("users");
    Files.writeString(file, "alice=" + HASH + "\n");

    // then
    assertThatThrownBy(() -> UsersFile.read(file))
        .hasMessageContaining("line 1")
        .message()
        .doesNotContain("$2a$");
  }

  @Test
  void refusesAnInvalidTeamOrAPlainPassword() throws Exception {
    // given
    var badTeam = folder.resolve("bad-team");
    Files.writeString(badTeam, "alice=Team A:" + HASH + "\n");
    var plain = folder.resolve("plain");
    Files.writeString(plain, "alice=team-a:secret\n");

    // then
    assertThatThrownBy(() -> UsersFile.read(badTeam)).hasMessageContaining("team");
    assertThatThrownBy(() -> UsersFile.read(plain))
        .hasMessageContaining("encoded")
        .message()
        .doesNotContain("secret");
  }

  @Test
  void refusesAMissingFileNamingTheSetting() {
    assertThatThrownBy(() -> UsersFile.read(folder.resolve("absent")))
        .hasMessageContaining("FERRY_USERS_FILE");
  }
}
