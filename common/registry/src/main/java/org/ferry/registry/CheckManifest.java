package org.ferry.registry;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.ferry.image.Digest;

/** {@code HEAD /v2/<name>/manifests/<reference>}: what the registry has under a tag or digest. */
final class CheckManifest {

  private final RegistryHttp http;

  CheckManifest(RegistryHttp http) {
    this.http = http;
  }

  Optional<ManifestInfo> call(Repository repository, String reference) {
    var action = "look up " + repository + ":" + reference;
    var response =
        http.call(
            action,
            () ->
                http.request("/v2/" + repository.path() + "/manifests/" + reference)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Accept", MediaTypes.ACCEPT_MANIFESTS),
            HttpResponse.BodyHandlers.discarding(),
            Scope.pull(repository));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    RegistryHttp.expect(response, 200, action);
    var headers = response.headers();
    return Optional.of(
        new ManifestInfo(
            Digest.of(headers.firstValue("Docker-Content-Digest").orElseThrow()),
            headers.firstValue("Content-Type").orElse(""),
            headers.firstValueAsLong("Content-Length").orElse(-1)));
  }
}
