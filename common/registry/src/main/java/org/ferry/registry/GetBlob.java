package org.ferry.registry;

import java.io.InputStream;
import java.net.http.HttpResponse;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.Digest;

/** {@code GET /v2/<name>/blobs/<digest>}: a blob as a stream, which the caller closes. */
final class GetBlob {

  private final RegistryHttp http;

  GetBlob(RegistryHttp http) {
    this.http = http;
  }

  InputStream call(Repository repository, Digest digest) {
    var action = "download blob " + digest + " of " + repository;
    var response =
        http.call(
            action,
            () -> http.request("/v2/" + repository.path() + "/blobs/" + digest).GET(),
            HttpResponse.BodyHandlers.ofInputStream(),
            Scope.pull(repository));
    if (response.statusCode() != 200) {
      RegistryHttp.drain(response.body());
      if (response.statusCode() == 404) {
        throw new PermanentFailure(
            action,
            "the registry does not have it",
            "Push the image again.",
            ReasonCodes.NOT_FOUND);
      }
      RegistryHttp.expect(response, 200, action);
    }
    return response.body();
  }
}
