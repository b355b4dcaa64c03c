package org.ferry.registry;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.ferry.image.Digest;

/** A small blob held in memory, such as an image config, sent in one {@code PUT} (monolithic). */
final class PutBlob {

  private final RegistryHttp http;
  private final StartUpload start;

  PutBlob(RegistryHttp http, StartUpload start) {
    this.http = http;
    this.start = start;
  }

  void call(Repository repository, Digest digest, byte[] content) {
    var action = "upload blob " + digest + " to " + repository;
    var upload = start.call(repository);
    var response =
        http.call(
            action,
            () ->
                HttpRequest.newBuilder(RegistryHttp.withDigest(upload, digest))
                    .version(HttpClient.Version.HTTP_1_1)
                    .timeout(RegistryHttp.REQUEST_TIMEOUT)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content)),
            HttpResponse.BodyHandlers.discarding(),
            Scope.push(repository));
    RegistryHttp.expect(response, 201, action);
  }
}
