package org.ferry.gateway.account;

import java.util.Optional;
import org.ferry.failure.InvalidValue;
import org.ferry.gateway.web.Problems;
import org.ferry.image.NamespacePolicy;
import org.ferry.image.Team;
import org.ferry.operation.Source;
import org.springframework.security.core.Authentication;

/**
 * Who is calling, for which team, and through what ({@link Source#PAGE} for the logged-in page,
 * {@link Source#API} for HTTP Basic clients). It decides every team check of the gateway.
 */
public record Caller(String username, Optional<Team> team, boolean admin, Source source) {

  static final String ADMIN_AUTHORITY = "ROLE_ADMIN";
  static final String TEAM_AUTHORITY_PREFIX = "TEAM_";

  static Caller of(Authentication authentication, Source source) {
    Team team = null;
    var admin = false;
    for (var authority : authentication.getAuthorities()) {
      var name = authority.getAuthority();
      if (ADMIN_AUTHORITY.equals(name)) {
        admin = true;
      } else if (name.startsWith(TEAM_AUTHORITY_PREFIX)) {
        team = Team.of(name.substring(TEAM_AUTHORITY_PREFIX.length()));
      }
    }
    return new Caller(authentication.getName(), Optional.ofNullable(team), admin, source);
  }

  /**
   * The team in the path, if the caller may act on it (its own team, or any team for an admin).
   *
   * @throws InvalidValue if {@code team} is not a team name (400)
   * @throws org.springframework.web.ErrorResponseException 403 for another team
   */
  public Team actOn(String team) {
    var parsed = Team.of(team);
    if (!admin && !team().filter(parsed::equals).isPresent()) {
      throw Problems.forbidden(
          "The user '" + username + "' does not belong to the team '" + parsed + "'.");
    }
    return parsed;
  }

  /** Whether the caller may see the operations and images of {@code team}. */
  public boolean mayActOn(Team other) {
    return admin || team().filter(other::equals).isPresent();
  }

  /** Whether the caller may read images of {@code namespace}: its own team's, or {@code common}. */
  public boolean mayRead(Team namespace) {
    return admin
        || team()
            .map(own -> NamespacePolicy.mayRead(own, namespace))
            .orElseGet(() -> NamespacePolicy.readableByAll(namespace));
  }
}
