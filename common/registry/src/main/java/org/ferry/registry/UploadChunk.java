package org.ferry.registry;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code PATCH <upload>}: streams a blob's bytes as one chunk. A stream cannot be sent twice, so
 * this step is sent once, never retried; its failure is transient and the caller starts over.
 */
final class UploadChunk {

  // A streamed blob takes as long as its producer; only a stalled registry should end it.
  private static final Duration UPLOAD_TIMEOUT = Duration.ofHours(2);

  private final RegistryHttp http;

  UploadChunk(RegistryHttp http) {
    this.http = http;
  }

  URI call(Repository repository, URI upload, InputStream body) {
    var action = "upload a blob to " + repository;
    var response =
        http.once(
            action,
            HttpRequest.newBuilder(upload)
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> body)),
            HttpResponse.BodyHandlers.discarding(),
            Scope.push(repository));
    RegistryHttp.expect(response, 202, action);
    return http.location(response, action);
  }
}
