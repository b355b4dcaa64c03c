package org.ferry.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Digest;

/**
 * A small client for the Docker Registry HTTP API v2 (the Distribution registry): manifests, tags,
 * the catalog, blobs and deletes. It authenticates with Basic credentials, or with the bearer
 * tokens a token-auth registry hands out for them. Server errors and I/O failures are retried (the
 * only retry layer for registry calls) and then reported as {@link TransientFailure}.
 */
public class RegistryClient {

  private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  // A streamed blob takes as long as its producer; only a stalled registry should end it.
  private static final Duration UPLOAD_TIMEOUT = Duration.ofHours(2);

  private final RegistryAccess access;
  private final Retry retry;
  private final CircuitBreaker breaker;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  public RegistryClient(RegistryAccess access, Retry retry) {
    this(access, retry, CircuitBreaker.of("registry", RegistryRetry.breakerConfig()));
  }

  /**
   * @param breaker opens when most calls fail transiently, so a registry that is down is not
   *     hammered by every worker's retries; while open, calls fail at once as transient
   */
  public RegistryClient(RegistryAccess access, Retry retry, CircuitBreaker breaker) {
    this.access = access;
    this.retry = retry;
    this.breaker = breaker;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  public RegistryAccess access() {
    return access;
  }

  /** Whether the registry answers and accepts Ferry's credentials. */
  public boolean ping() {
    try {
      return send(get("/v2/"), HttpResponse.BodyHandlers.discarding(), "").statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The digest, media type and size of a manifest, if the registry has it. */
  public Optional<ManifestInfo> headManifest(String repository, String reference) {
    var response =
        call(
            "look up " + repository + ":" + reference,
            () ->
                request("/v2/" + repository + "/manifests/" + reference)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Accept", MediaTypes.ACCEPT_MANIFESTS),
            HttpResponse.BodyHandlers.discarding(),
            pull(repository));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    expect(response, 200, "look up " + repository + ":" + reference);
    var headers = response.headers();
    return Optional.of(
        new ManifestInfo(
            Digest.of(headers.firstValue("Docker-Content-Digest").orElseThrow()),
            headers.firstValue("Content-Type").orElse(""),
            headers.firstValueAsLong("Content-Length").orElse(-1)));
  }

  /** A manifest's bytes, if the registry has it. */
  public Optional<Manifest> getManifest(String repository, String reference) {
    var response =
        call(
            "read the manifest of " + repository + ":" + reference,
            () ->
                request("/v2/" + repository + "/manifests/" + reference)
                    .GET()
                    .header("Accept", MediaTypes.ACCEPT_MANIFESTS),
            HttpResponse.BodyHandlers.ofByteArray(),
            pull(repository));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    expect(response, 200, "read the manifest of " + repository + ":" + reference);
    var headers = response.headers();
    return Optional.of(
        new Manifest(
            Digest.of(headers.firstValue("Docker-Content-Digest").orElseThrow()),
            headers.firstValue("Content-Type").orElse(""),
            response.body()));
  }

  /** The tags of a repository; empty when the repository does not exist. */
  public List<String> tags(String repository) {
    var response =
        call(
            "list the tags of " + repository,
            () -> request("/v2/" + repository + "/tags/list").GET(),
            HttpResponse.BodyHandlers.ofByteArray(),
            pull(repository));
    if (response.statusCode() == 404) {
      return List.of();
    }
    expect(response, 200, "list the tags of " + repository);
    var tags = new ArrayList<String>();
    readJson(response.body()).path("tags").forEach(tag -> tags.add(tag.asText()));
    tags.sort(String::compareTo);
    return tags;
  }

  /** Every repository in the registry, following the catalog's pagination. */
  public List<String> repositories() {
    var repositories = new ArrayList<String>();
    var path = "/v2/_catalog?n=1000";
    while (path != null) {
      var page = path;
      var response =
          call(
              "list the registry's repositories",
              () -> request(page).GET(),
              HttpResponse.BodyHandlers.ofByteArray(),
              "registry:catalog:*");
      expect(response, 200, "list the registry's repositories");
      readJson(response.body())
          .path("repositories")
          .forEach(name -> repositories.add(name.asText()));
      path =
          response
              .headers()
              .firstValue("Link")
              .map(link -> link.replaceFirst("^<([^>]*)>.*$", "$1"))
              .orElse(null);
    }
    return repositories;
  }

  /** Deletes the manifest {@code digest} and with it every tag that points at it. */
  public void deleteManifest(String repository, Digest digest) {
    var action = "delete " + repository + "@" + digest;
    var response =
        call(
            action,
            () -> request("/v2/" + repository + "/manifests/" + digest).DELETE(),
            HttpResponse.BodyHandlers.discarding(),
            "repository:" + repository + ":delete,pull");
    if (response.statusCode() == 404) {
      throw new PermanentFailure(
          action,
          "the registry has no such manifest",
          "Refresh the image list.",
          ReasonCodes.NOT_FOUND);
    }
    if (response.statusCode() == 405) {
      throw new PermanentFailure(
          action,
          "the registry does not allow deletes",
          "Ask the operators to enable deletes (storage.delete.enabled).",
          ReasonCodes.REJECTED);
    }
    expect(response, 202, action);
  }

  /** The size of a blob, if the repository has it. */
  public Optional<Long> blobSize(String repository, Digest digest) {
    var response =
        call(
            "look up blob " + digest,
            () ->
                request("/v2/" + repository + "/blobs/" + digest)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.discarding(),
            pull(repository));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    expect(response, 200, "look up blob " + digest);
    return Optional.of(response.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  /** Opens a blob for streaming; the caller closes the stream. */
  public InputStream openBlob(String repository, Digest digest) {
    var action = "download blob " + digest + " of " + repository;
    var response =
        call(
            action,
            () -> request("/v2/" + repository + "/blobs/" + digest).GET(),
            HttpResponse.BodyHandlers.ofInputStream(),
            pull(repository));
    if (response.statusCode() != 200) {
      try (var body = response.body()) {
        body.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException e) {
        // The error body is only drained so the connection can be reused.
      }
      if (response.statusCode() == 404) {
        throw new PermanentFailure(
            action,
            "the registry does not have it",
            "Push the image again.",
            ReasonCodes.NOT_FOUND);
      }
      expect(response, 200, action);
    }
    return response.body();
  }

  /**
   * Starts a blob upload in {@code repository} and returns where to send its bytes ({@code POST
   * /v2/<repository>/blobs/uploads/}).
   */
  public URI startBlobUpload(String repository) {
    var action = "start an upload to " + repository;
    var response =
        call(
            action,
            () ->
                request("/v2/" + repository + "/blobs/uploads/")
                    .version(HttpClient.Version.HTTP_1_1)
                    .POST(HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.discarding(),
            push(repository));
    expect(response, 202, action);
    return location(response, action);
  }

  /**
   * Streams {@code body} to an upload as one chunk ({@code PATCH}) and returns where the upload
   * continues. A stream cannot be sent twice, so this call is not retried: a failure is transient
   * and the caller starts the blob again.
   */
  public URI streamBlobChunk(String repository, URI upload, InputStream body) {
    var action = "upload a blob to " + repository;
    var response =
        attempt(
            action,
            HttpRequest.newBuilder(upload)
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> body)),
            HttpResponse.BodyHandlers.discarding(),
            push(repository));
    expect(response, 202, action);
    return location(response, action);
  }

  /**
   * Completes an upload whose bytes were all sent, naming their {@code digest}; the registry
   * refuses it when the bytes do not match.
   */
  public void completeBlobUpload(String repository, URI upload, Digest digest) {
    var action = "complete blob " + digest + " in " + repository;
    var response =
        call(
            action,
            () ->
                HttpRequest.newBuilder(withDigest(upload, digest))
                    .version(HttpClient.Version.HTTP_1_1)
                    .timeout(REQUEST_TIMEOUT)
                    .PUT(HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.discarding(),
            push(repository));
    expect(response, 201, action);
  }

  /** Uploads a small blob held in memory in one request (a monolithic {@code PUT}). */
  public void putBlob(String repository, Digest digest, byte[] content) {
    var action = "upload blob " + digest + " to " + repository;
    var upload = startBlobUpload(repository);
    var response =
        call(
            action,
            () ->
                HttpRequest.newBuilder(withDigest(upload, digest))
                    .version(HttpClient.Version.HTTP_1_1)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content)),
            HttpResponse.BodyHandlers.discarding(),
            push(repository));
    expect(response, 201, action);
  }

  /**
   * Stores {@code manifest} as {@code repository:reference} and returns the digest the registry
   * answers with.
   */
  public Digest putManifest(
      String repository, String reference, String mediaType, byte[] manifest) {
    var action = "tag " + repository + ":" + reference;
    var response =
        call(
            action,
            () ->
                request("/v2/" + repository + "/manifests/" + reference)
                    .version(HttpClient.Version.HTTP_1_1)
                    .header("Content-Type", mediaType)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)),
            HttpResponse.BodyHandlers.ofString(),
            push(repository));
    if (response.statusCode() != 201) {
      throw new PermanentFailure(
          action,
          "the registry refused the manifest (HTTP "
              + response.statusCode()
              + ": "
              + response.body().strip().lines().findFirst().orElse("")
              + ")",
          "Save the image again; tell the operators if it persists.",
          ReasonCodes.REJECTED);
    }
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

  private static String push(String repository) {
    return "repository:" + repository + ":pull,push";
  }

  private URI location(HttpResponse<?> response, String action) {
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
    return URI.create(access.scheme() + "://" + access.address() + "/").resolve(location);
  }

  private static URI withDigest(URI upload, Digest digest) {
    var text = upload.toString();
    return URI.create(
        text
            + (text.contains("?") ? "&" : "?")
            + "digest="
            + URLEncoder.encode(digest.value(), StandardCharsets.UTF_8));
  }

  private static String pull(String repository) {
    return "repository:" + repository + ":pull";
  }

  private <T> HttpResponse<T> call(
      String action,
      Supplier<HttpRequest.Builder> request,
      HttpResponse.BodyHandler<T> handler,
      String scope) {
    Supplier<HttpResponse<T>> attempt = () -> attempt(action, request.get(), handler, scope);
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

  /** One request, with server errors and I/O failures reported as transient. */
  private <T> HttpResponse<T> attempt(
      String action,
      HttpRequest.Builder request,
      HttpResponse.BodyHandler<T> handler,
      String scope) {
    try {
      var response = send(request, handler, scope);
      if (response.statusCode() >= 500 || response.statusCode() == 429) {
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

  private <T> HttpResponse<T> send(
      HttpRequest.Builder builder, HttpResponse.BodyHandler<T> handler, String scope)
      throws IOException, InterruptedException {
    var token = tokens.get(scope);
    if (token != null) {
      builder.setHeader("Authorization", "Bearer " + token);
    } else if (access.hasCredentials()) {
      builder.setHeader("Authorization", basic());
    }
    var response = http.send(builder.build(), handler);
    var challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
    if (response.statusCode() == 401 && challenge.startsWith("Bearer ")) {
      closeQuietly(response);
      tokens.put(scope, fetchToken(challenge, scope));
      builder.setHeader("Authorization", "Bearer " + tokens.get(scope));
      response = http.send(builder.build(), handler);
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

  private String fetchToken(String challenge, String scope)
      throws IOException, InterruptedException {
    var params = new java.util.HashMap<String, String>();
    var matcher = CHALLENGE_PARAM.matcher(challenge);
    while (matcher.find()) {
      params.put(matcher.group(1), matcher.group(2));
    }
    var uri =
        params.get("realm")
            + "?service="
            + URLEncoder.encode(params.getOrDefault("service", ""), StandardCharsets.UTF_8)
            + "&scope="
            + URLEncoder.encode(scope, StandardCharsets.UTF_8);
    var request = HttpRequest.newBuilder(URI.create(uri)).timeout(REQUEST_TIMEOUT).GET();
    if (access.hasCredentials()) {
      request.header("Authorization", basic());
    }
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    var body = readJson(response.body());
    var token = body.hasNonNull("token") ? body.get("token") : body.get("access_token");
    if (response.statusCode() != 200 || token == null) {
      throw new PermanentFailure(
          "log in to the registry " + access.address(),
          "its token service answered " + response.statusCode(),
          "Tell the operators to check the registry account of this worker.",
          ReasonCodes.REJECTED);
    }
    return token.asText();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(access.scheme() + "://" + access.address() + path))
        .timeout(REQUEST_TIMEOUT);
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private String basic() {
    var pair = access.username() + ":" + access.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode readJson(byte[] body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("The registry sent JSON Ferry cannot read", e);
    }
  }

  private static void expect(HttpResponse<?> response, int status, String action) {
    if (response.statusCode() != status) {
      throw new PermanentFailure(
          action,
          "the registry answered HTTP " + response.statusCode(),
          "Tell the operators.",
          ReasonCodes.REJECTED);
    }
  }

  private static void closeQuietly(HttpResponse<?> response) {
    if (response.body() instanceof InputStream stream) {
      try {
        stream.close();
      } catch (IOException e) {
        // Nothing to keep from an error body.
      }
    }
  }
}
