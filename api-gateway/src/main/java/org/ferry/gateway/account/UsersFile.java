package org.ferry.gateway.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferry.failure.InvalidValue;
import org.ferry.image.Team;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Reads the users file: {@code <user>=<team>:<encoded password>} per line, where the team {@code *}
 * makes an admin and the password is stored as Spring Security encodes it ({@code {bcrypt}$2a$…}).
 */
final class UsersFile {

  static final String ADMIN_TEAM = "*";

  private UsersFile() {}

  static Map<String, UserDetails> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not read the users file "
              + file.toAbsolutePath()
              + ": "
              + e.getMessage()
              + ". Set FERRY_USERS_FILE (ferry.gateway.users-file) to a readable file.",
          e);
    }
    var users = new LinkedHashMap<String, UserDetails>();
    for (int i = 0; i < lines.size(); i++) {
      var line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      var user = parse(line, file, i + 1);
      if (users.put(user.getUsername(), user) != null) {
        throw invalid(file, i + 1, "the user '" + user.getUsername() + "' is listed twice");
      }
    }
    if (users.isEmpty()) {
      throw new IllegalStateException(
          "The users file " + file.toAbsolutePath() + " lists no users; nobody could log in.");
    }
    return users;
  }

  private static UserDetails parse(String line, Path file, int number) {
    var equals = line.indexOf('=');
    var colon = line.indexOf(':', equals + 1);
    if (equals <= 0 || colon < 0 || colon == line.length() - 1) {
      // Never echo the line: it holds a password hash.
      throw invalid(file, number, "expected <user>=<team>:<encoded password>");
    }
    var username = line.substring(0, equals).strip();
    var team = line.substring(equals + 1, colon).strip();
    var password = line.substring(colon + 1).strip();
    if (!username.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw invalid(file, number, "the user name must be 1-64 letters, digits, '.', '_', '@', '-'");
    }
    String authority;
    if (ADMIN_TEAM.equals(team)) {
      authority = Caller.ADMIN_AUTHORITY;
    } else {
      try {
        authority = Caller.TEAM_AUTHORITY_PREFIX + Team.of(team);
      } catch (InvalidValue e) {
        throw invalid(file, number, "the team of '" + username + "' " + e.rule());
      }
    }
    if (!password.startsWith("{")) {
      throw invalid(
          file, number, "the password of '" + username + "' must be encoded, e.g. {bcrypt}$2a$…");
    }
    return User.withUsername(username)
        .password(password)
        .authorities(List.of(new SimpleGrantedAuthority(authority)))
        .build();
  }

  private static IllegalStateException invalid(Path file, int line, String reason) {
    return new IllegalStateException(
        "The users file " + file.toAbsolutePath() + " is invalid at line " + line + ": " + reason);
  }
}
