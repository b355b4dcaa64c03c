package org.ferry.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.ferry.image.Digest;

/**
 * {@code PUT <upload>?digest=..} without a body: ends an upload whose bytes were all sent; the
 * registry refuses it when they do not match the digest.
 */
final class CompleteUpload {

  private final RegistryHttp http;

  CompleteUpload(RegistryHttp http) {
    this.http = http;
  }

  void call(Repository repository, URI upload, Digest digest) {
    var action = "complete blob " + digest + " in " + repository;
    var response =
        http.call(
            action,
            () ->
                HttpRequest.newBuilder(RegistryHttp.withDigest(upload, digest))
                    .version(HttpClient.Version.HTTP_1_1)
                    .timeout(RegistryHttp.REQUEST_TIMEOUT)
                    .PUT(HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.discarding(),
            Scope.push(repository));
    RegistryHttp.expect(response, 201, action);
  }
}
