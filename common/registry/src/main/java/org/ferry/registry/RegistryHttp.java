package org.ferry.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Digest;

/**
 * How every registry step talks HTTP: requests logged in by the {@link RegistryAuthenticator},
 * server errors and I/O failures reported as {@link TransientFailure}, retried (the only retry
 * layer for registry calls) behind the circuit breaker.
 */
final class RegistryHttp {

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final RegistryAccess access;
  private final Retry retry;
  private final CircuitBreaker breaker;
  private final RegistryAuthenticator authenticator;
  private final ObjectMapper json = new ObjectMapper();

  RegistryHttp(RegistryAccess access, Retry retry, CircuitBreaker breaker) {
    this.access = access;
    this.retry = retry;
    this.breaker = breaker;
    var http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.authenticator = new RegistryAuthenticator(access, http);
  }

  RegistryAccess access() {
    return access;
  }

  /** A request to {@code path} of the registry's API, such as {@code /v2/team-a/x/tags/list}. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base().resolve(path)).timeout(REQUEST_TIMEOUT);
  }

  /** Sends a request, retrying transient failures while the circuit breaker lets calls through. */
  <T> HttpResponse<T> call(
      String action,
      Supplier<HttpRequest.Builder> request,
      HttpResponse.BodyHandler<T> handler,
      Scope scope) {
    Supplier<HttpResponse<T>> attempt = () -> once(action, request.get(), handler, scope);
    Supplier<HttpResponse<T>> guarded =
        () -> {
          try {
            return CircuitBreaker.decorateSupplier(breaker, attempt).get();
          } catch (CallNotPermittedException e) {
            throw new TransientFailure(
                action,
                "the registry at "
                    + access.address()
                    + " failed repeatedly, so Ferry pauses calls to it",
                "Try again in a minute; tell the operators if it persists.",
                e);
          }
        };
    return Retry.decorateSupplier(retry, guarded).get();
  }

  /** One request, not retried, with server errors and I/O failures reported as transient. */
  <T> HttpResponse<T> once(
      String action,
      HttpRequest.Builder request,
      HttpResponse.BodyHandler<T> handler,
      Scope scope) {
    try {
      var response = authenticator.send(request, handler, scope);
      if (response.statusCode() >= 500 || response.statusCode() == 429) {
        RegistryAuthenticator.closeQuietly(response);
        throw new TransientFailure(
            action,
            "the registry answered " + response.statusCode(),
            "Try again later; tell the operators if it persists.",
            null);
      }
      return response;
    } catch (IOException e) {
      throw new TransientFailure(
          action,
          "the registry at " + access.address() + " is unreachable (" + e.getMessage() + ")",
          "Try again later; tell the operators if it persists.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientFailure(action, "the service is shutting down", "Try again.", e);
    }
  }

  /** Sends a request once, outside retries and the breaker: a health probe. */
  <T> HttpResponse<T> probe(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return authenticator.send(request, handler, Scope.BASE);
  }

  /**
   * Where an upload continues, from the answer's {@code Location}, resolved against the registry.
   */
  URI location(HttpResponse<?> response, String action) {
    var location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new TransientFailure(
                        action,
                        "the registry answered without a Location",
                        "Tell the operators.",
                        null));
    return base().resolve(location);
  }

  /** Reads the registry's JSON into {@code type}. */
  <T> T readJson(byte[] body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (IOException e) {
      throw new UncheckedIOException("The registry sent JSON Ferry cannot read", e);
    }
  }

  static URI withDigest(URI upload, Digest digest) {
    var text = upload.toString();
    return URI.create(
        text
            + (text.contains("?") ? "&" : "?")
            + "digest="
            + URLEncoder.encode(digest.value(), StandardCharsets.UTF_8));
  }

  static Digest contentDigest(HttpResponse<?> response, String action) {
    return Digest.of(
        response
            .headers()
            .firstValue("Docker-Content-Digest")
            .orElseThrow(
                () ->
                    new TransientFailure(
                        action,
                        "the registry answered without a Docker-Content-Digest",
                        "Tell the operators.",
                        null)));
  }

  static void expect(HttpResponse<?> response, int status, String action) {
    if (response.statusCode() != status) {
      throw new PermanentFailure(
          action,
          "the registry answered HTTP " + response.statusCode(),
          "Tell the operators.",
          ReasonCodes.REJECTED);
    }
  }

  /** Reads an unwanted body to its end, so the connection can be reused. */
  static void drain(InputStream body) {
    try (body) {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // The error body is only drained so the connection can be reused.
    }
  }

  private URI base() {
    return URI.create(access.scheme() + "://" + access.address() + "/");
  }
}
