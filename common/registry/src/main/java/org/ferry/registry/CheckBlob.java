package org.ferry.registry;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.ferry.image.Digest;

/** {@code HEAD /v2/<name>/blobs/<digest>}: whether a repository has a blob, and its size. */
final class CheckBlob {

  private final RegistryHttp http;

  CheckBlob(RegistryHttp http) {
    this.http = http;
  }

  Optional<Long> call(Repository repository, Digest digest) {
    var action = "look up blob " + digest;
    var response =
        http.call(
            action,
            () ->
                http.request("/v2/" + repository.path() + "/blobs/" + digest)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.discarding(),
            Scope.pull(repository));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    RegistryHttp.expect(response, 200, action);
    return Optional.of(response.headers().firstValueAsLong("Content-Length").orElse(-1));
  }
}
