package org.ferry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.failure.PermanentFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The login paths against a small registry of our own: a token-auth one that answers 401 with a
 * Bearer challenge and issues tokens from its realm, and an htpasswd one that wants Basic.
 */
class RegistryAuthenticatorTest {

  private static final Repository HELLO = new Repository("team-a", "hello");
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder().encodeToString("ferry:secret".getBytes(StandardCharsets.UTF_8));

  private HttpServer server;
  private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile String validToken = "none";
  private volatile String tokenField = "token";
  private volatile boolean tokenAuth = true;

  @BeforeEach
  void startRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/token", this::issueToken);
    server.createContext("/v2/", this::serveRegistry);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void fetchesABearerTokenForTheCallsScopeWithBasicCredentials() {
    // given
    var client = client("ferry", "secret");

    // when
    var tags = client.tags(HELLO);

    // then
    assertThat(tags).containsExactly("v1", "v2");
    assertThat(tokenRequests)
        .singleElement()
        .asString()
        .contains("service=test-registry")
        .contains("scope=repository:team-a/hello:pull")
        .contains("auth=" + BASIC);
  }

  @Test
  void reusesTheTokenOfAScopeForItsNextCalls() {
    // given
    var client = client("ferry", "secret");
    client.tags(HELLO);

    // when
    client.tags(HELLO);
    client.headManifest(HELLO, "v1");

    // then
    assertThat(tokenRequests).hasSize(1);
  }

  @Test
  void asksForANewTokenWhenTheRegistryRefusesAnExpiredOne() {
    // given
    var client = client("ferry", "secret");
    client.tags(HELLO);
    validToken = "rotated";

    // when
    var tags = client.tags(HELLO);

    // then
    assertThat(tags).containsExactly("v1", "v2");
    assertThat(tokenRequests).hasSize(2);
  }

  @Test
  void takesAnOAuthAccessTokenToo() {
    // given
    tokenField = "access_token";
    var client = client("ferry", "secret");

    // when
    var tags = client.tags(HELLO);

    // then
    assertThat(tags).containsExactly("v1", "v2");
  }

  @Test
  void reportsATokenServiceThatRefusesTheAccountAsPermanent() {
    // given
    var client = client("ferry", "wrong");

    // when / then
    assertThatThrownBy(() -> client.tags(HELLO))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("Could not log in to the registry")
        .hasMessageContaining("its token service answered 401");
  }

  @Test
  void sendsBasicCredentialsToAnHtpasswdRegistry() {
    // given
    tokenAuth = false;
    var client = client("ferry", "secret");

    // when
    var tags = client.tags(HELLO);

    // then
    assertThat(tags).containsExactly("v1", "v2");
    assertThat(tokenRequests).isEmpty();
  }

  @Test
  void reportsRefusedBasicCredentialsAsPermanent() {
    // given
    tokenAuth = false;
    var client = client("ferry", "wrong");

    // when / then
    assertThatThrownBy(() -> client.tags(HELLO))
        .isInstanceOf(PermanentFailure.class)
        .hasMessageContaining("it refused Ferry's credentials (HTTP 401)");
  }

  private RegistryClient client(String user, String password) {
    var address = "127.0.0.1:" + server.getAddress().getPort();
    return new RegistryClient(
        new RegistryAccess(address, "http", user, password),
        RegistryRetry.create("test", 1, Duration.ofMillis(1)));
  }

  private void issueToken(HttpExchange exchange) throws IOException {
    var auth = exchange.getRequestHeaders().getFirst("Authorization");
    tokenRequests.add(
        URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8)
            + "&auth="
            + auth);
    if (!BASIC.equals(auth)) {
      answer(exchange, 401, "{}");
      return;
    }
    var token = "token-" + issued.incrementAndGet();
    validToken = token;
    answer(exchange, 200, "{\"" + tokenField + "\":\"" + token + "\",\"expires_in\":300}");
  }

  private void serveRegistry(HttpExchange exchange) throws IOException {
    var auth = exchange.getRequestHeaders().getFirst("Authorization");
    var allowed = tokenAuth ? ("Bearer " + validToken).equals(auth) : BASIC.equals(auth);
    if (!allowed) {
      var realm = "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
      exchange
          .getResponseHeaders()
          .add(
              "WWW-Authenticate",
              tokenAuth
                  ? "Bearer realm=\""
                      + realm
                      + "\",service=\"test-registry\",scope=\"repository:team-a/hello:pull\""
                  : "Basic realm=\"registry\"");
      answer(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
      return;
    }
    if (exchange.getRequestURI().getPath().endsWith("/tags/list")) {
      answer(exchange, 200, "{\"name\":\"team-a/hello\",\"tags\":[\"v2\",\"v1\"]}");
    } else {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    var bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
