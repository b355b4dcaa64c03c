package org.ferry.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.registry.json.TokenJson;

/**
 * Logs every request in, the one place that knows how: Basic credentials for a registry with an
 * htpasswd file, and for a token-auth registry Docker's token flow. On a 401 it reads the {@code
 * WWW-Authenticate} challenge; a {@code Bearer realm=..,service=..} challenge makes it ask the
 * realm for a token for the call's scope (with Basic credentials), which it caches per scope and
 * replaces when the registry answers 401 to it again (it expired).
 */
final class RegistryAuthenticator {

  private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
  private static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(60);

  private final RegistryAccess access;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Scope, String> tokens = new ConcurrentHashMap<>();

  RegistryAuthenticator(RegistryAccess access, HttpClient http) {
    this.access = access;
    this.http = http;
  }

  /**
   * Sends {@code request} logged in for {@code scope}, answering one challenge. A refusal after
   * that is permanent: retrying with the same account cannot help.
   */
  <T> HttpResponse<T> send(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler, Scope scope)
      throws IOException, InterruptedException {
    var token = tokens.get(scope);
    if (token != null) {
      request.setHeader("Authorization", "Bearer " + token);
    } else if (access.hasCredentials()) {
      request.setHeader("Authorization", basic());
    }
    var response = http.send(request.build(), handler);
    if (response.statusCode() == 401) {
      var challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
      if (scheme(challenge).equals("bearer")) {
        closeQuietly(response);
        token = fetchToken(params(challenge), scope);
        tokens.put(scope, token);
        request.setHeader("Authorization", "Bearer " + token);
        response = http.send(request.build(), handler);
      } else if (scheme(challenge).equals("basic") && token != null && access.hasCredentials()) {
        // The registry went back from tokens to an htpasswd file.
        closeQuietly(response);
        tokens.remove(scope);
        request.setHeader("Authorization", basic());
        response = http.send(request.build(), handler);
      }
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      closeQuietly(response);
      throw new PermanentFailure(
          "use the registry " + access.address(),
          "it refused Ferry's credentials (HTTP " + response.statusCode() + ")",
          "Tell the operators to check the registry account of this worker.",
          ReasonCodes.REJECTED);
    }
    return response;
  }

  private String fetchToken(Map<String, String> challenge, Scope scope)
      throws IOException, InterruptedException {
    var action = "log in to the registry " + access.address();
    var realm = challenge.get("realm");
    if (realm == null || realm.isBlank()) {
      throw new PermanentFailure(
          action,
          "it asks for a token but names no realm to get one from",
          "Tell the operators to check the registry's auth.token.realm.",
          ReasonCodes.REJECTED);
    }
    var uri = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
    uri.append("service=").append(encode(challenge.getOrDefault("service", "")));
    if (!scope.value().isEmpty()) {
      uri.append("&scope=").append(encode(scope.value()));
    }
    var request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(TOKEN_TIMEOUT).GET();
    if (access.hasCredentials()) {
      request.header("Authorization", basic());
    }
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    String token = null;
    if (response.statusCode() == 200) {
      try {
        token = json.readValue(response.body(), TokenJson.class).bearer();
      } catch (IOException e) {
        // Reported below, with the status.
      }
    }
    if (token == null || token.isBlank()) {
      throw new PermanentFailure(
          action,
          "its token service answered " + response.statusCode() + " without a token",
          "Tell the operators to check the registry account of this worker.",
          ReasonCodes.REJECTED);
    }
    return token;
  }

  private static String scheme(String challenge) {
    var space = challenge.indexOf(' ');
    return (space < 0 ? challenge : challenge.substring(0, space))
        .toLowerCase(java.util.Locale.ROOT);
  }

  private static Map<String, String> params(String challenge) {
    var params = new HashMap<String, String>();
    var matcher = PARAM.matcher(challenge.substring(challenge.indexOf(' ') + 1));
    while (matcher.find()) {
      params.put(
          matcher.group(1).toLowerCase(java.util.Locale.ROOT),
          matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
    }
    return params;
  }

  private String basic() {
    var pair = access.username() + ":" + access.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static void closeQuietly(HttpResponse<?> response) {
    if (response.body() instanceof InputStream stream) {
      try {
        stream.close();
      } catch (IOException e) {
        // Nothing to keep from an error body.
      }
    }
  }
}
