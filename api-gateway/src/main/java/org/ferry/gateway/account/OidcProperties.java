package org.ferry.gateway.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens map to Ferry accounts, when an OIDC issuer is configured
 * (spring.security.oauth2.resourceserver.jwt.*): the user's name, team and admin role come from
 * these claims.
 */
@ConfigurationProperties("ferry.gateway.oidc")
record OidcProperties(String usernameClaim, String teamClaim, String rolesClaim, String adminRole) {

  OidcProperties {
    usernameClaim = usernameClaim == null ? "preferred_username" : usernameClaim;
    teamClaim = teamClaim == null ? "team" : teamClaim;
    rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
    adminRole = adminRole == null ? "ferry-admin" : adminRole;
  }
}
