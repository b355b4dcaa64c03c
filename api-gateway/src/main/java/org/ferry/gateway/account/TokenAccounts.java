package org.ferry.gateway.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ferry.image.ImageName;
import org.ferry.image.Team;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified bearer token into the same authorities the users file gives: {@code TEAM_<team>}
 * from the team claim, {@code ROLE_ADMIN} when the roles claim holds the admin role. A team claim
 * that is not a valid team name grants nothing.
 */
final class TokenAccounts implements Converter<Jwt, AbstractAuthenticationToken> {

  private final OidcProperties properties;

  TokenAccounts(OidcProperties properties) {
    this.properties = properties;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt token) {
    var authorities = new ArrayList<GrantedAuthority>();
    var team = token.getClaimAsString(properties.teamClaim());
    if (team != null && ImageName.isValid(team)) {
      authorities.add(
          new SimpleGrantedAuthority(Caller.TEAM_AUTHORITY_PREFIX + Team.of(team).value()));
    }
    if (roles(token).contains(properties.adminRole())) {
      authorities.add(new SimpleGrantedAuthority(Caller.ADMIN_AUTHORITY));
    }
    var name = token.getClaimAsString(properties.usernameClaim());
    return new JwtAuthenticationToken(
        token, authorities, name == null || name.isBlank() ? token.getSubject() : name);
  }

  private Collection<String> roles(Jwt token) {
    var claim = token.getClaims().get(properties.rolesClaim());
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return claim == null ? List.of() : List.of(String.valueOf(claim));
  }
}
