package org.ferry.registry;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.ferry.image.Digest;

/** {@code GET /v2/<name>/manifests/<reference>}: a manifest's bytes as the registry stores them. */
final class GetManifest {

  private final RegistryHttp http;

  GetManifest(RegistryHttp http) {
    this.http = http;
  }

  Optional<Manifest> call(Repository repository, String reference) {
    var action = "read the manifest of " + repository + ":" + reference;
    var response =
        http.call(
            action,
            () ->
                http.request("/v2/" + repository.path() + "/manifests/" + reference)
                    .GET()
                    .header("Accept", MediaTypes.ACCEPT_MANIFESTS),
            HttpResponse.BodyHandlers.ofByteArray(),
            Scope.pull(repository));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    RegistryHttp.expect(response, 200, action);
    var headers = response.headers();
    return Optional.of(
        new Manifest(
            Digest.of(headers.firstValue("Docker-Content-Digest").orElseThrow()),
            headers.firstValue("Content-Type").orElse(""),
            response.body()));
  }
}
