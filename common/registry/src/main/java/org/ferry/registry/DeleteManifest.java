package org.ferry.registry;

import java.net.http.HttpResponse;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.Digest;

/**
 * {@code DELETE /v2/<name>/manifests/<digest>}: removes a manifest and every tag that points at it.
 */
final class DeleteManifest {

  private final RegistryHttp http;

  DeleteManifest(RegistryHttp http) {
    this.http = http;
  }

  void call(Repository repository, Digest digest) {
    var action = "delete " + repository + "@" + digest;
    var response =
        http.call(
            action,
            () -> http.request("/v2/" + repository.path() + "/manifests/" + digest).DELETE(),
            HttpResponse.BodyHandlers.discarding(),
            Scope.delete(repository));
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
    RegistryHttp.expect(response, 202, action);
  }
}
