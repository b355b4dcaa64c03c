package org.ferry.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.gateway.testing.TestGateway.ALICE;
import static org.ferry.gateway.testing.TestGateway.ALICE_TEAM;
import static org.ferry.gateway.testing.TestGateway.BOB_TEAM;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.ferry.gateway.ApiGatewayApplication;
import org.ferry.gateway.testing.Http;
import org.ferry.gateway.testing.TestGateway;
import org.ferry.testing.TestBroker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;

/**
 * With an OIDC issuer configured, bearer tokens sign callers in beside HTTP Basic; their team and
 * admin role come from claims and are checked like any other caller's.
 */
class BearerTokenIT {

  @Test
  void mapsTheTeamAndAdminClaimsOfAVerifiedTokenAndRefusesAForgedOne() throws Exception {
    // given a gateway that trusts tokens signed by the issuer's key
    var issuer = rsa();
    var forger = rsa();
    var key = TestGateway.temporaryFolder().resolve("issuer.pem");
    Files.writeString(
        key,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(issuer.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    var properties =
        TestGateway.properties(
            TestGateway.createTeamFolders(TestGateway.temporaryFolder(), ALICE_TEAM, BOB_TEAM),
            TestGateway.temporaryFolder().resolve("operations"),
            TestBroker.shared().amqpUri());
    properties.put("server.port", "0");
    properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + key);
    var arguments =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);

    try (var context = new SpringApplicationBuilder(ApiGatewayApplication.class).run(arguments)) {
      var http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
      var member =
          bearer(issuer, Map.of("preferred_username", "carol", "team", ALICE_TEAM.value()));
      var admin =
          bearer(issuer, Map.of("preferred_username", "dana", "roles", List.of("ferry-admin")));
      var forged = bearer(forger, Map.of("preferred_username", "eve", "team", ALICE_TEAM.value()));

      // when
      var me = http.getAs(member, "/api/v1/me");
      var own = http.getAs(member, "/api/v1/teams/" + ALICE_TEAM + "/operations");
      var other = http.getAs(member, "/api/v1/teams/" + BOB_TEAM + "/operations");
      var asAdmin = http.getAs(admin, "/api/v1/teams/" + BOB_TEAM + "/operations");
      var asForger = http.getAs(forged, "/api/v1/teams/" + ALICE_TEAM + "/operations");
      var basic = http.get(ALICE, "/api/v1/teams/" + ALICE_TEAM + "/operations");

      // then
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.json().get("username").asText()).isEqualTo("carol");
      assertThat(me.json().get("team").asText()).isEqualTo(ALICE_TEAM.value());
      assertThat(own.status()).isEqualTo(200);
      assertThat(other.status()).isEqualTo(403);
      assertThat(asAdmin.status()).isEqualTo(200);
      assertThat(asForger.status()).isEqualTo(401);
      assertThat(basic.status()).isEqualTo(200);
    }
  }

  private static KeyPair rsa() throws Exception {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String bearer(KeyPair key, Map<String, Object> claims) throws Exception {
    var builder =
        new JWTClaimsSet.Builder()
            .subject("subject-" + claims.get("preferred_username"))
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    claims.forEach(builder::claim);
    var token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
    token.sign(new RSASSASigner(key.getPrivate()));
    return "Bearer " + token.serialize();
  }
}
