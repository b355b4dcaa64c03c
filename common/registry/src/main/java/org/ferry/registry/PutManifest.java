package org.ferry.registry;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.Digest;
import org.ferry.registry.json.ErrorsJson;

/**
 * {@code PUT /v2/<name>/manifests/<reference>}: stores a manifest under a tag and returns the
 * digest the registry answers with.
 */
final class PutManifest {

  private final RegistryHttp http;

  PutManifest(RegistryHttp http) {
    this.http = http;
  }

  Digest call(Repository repository, String reference, String mediaType, byte[] manifest) {
    var action = "tag " + repository + ":" + reference;
    var response =
        http.call(
            action,
            () ->
                http.request("/v2/" + repository.path() + "/manifests/" + reference)
                    .version(HttpClient.Version.HTTP_1_1)
                    .header("Content-Type", mediaType)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)),
            HttpResponse.BodyHandlers.ofString(),
            Scope.push(repository));
    if (response.statusCode() != 201) {
      throw new PermanentFailure(
          action,
          "the registry refused the manifest (HTTP "
              + response.statusCode()
              + ": "
              + why(response.body())
              + ")",
          "Save the image again; tell the operators if it persists.",
          ReasonCodes.REJECTED);
    }
    return RegistryHttp.contentDigest(response, action);
  }

  /** The registry's own error codes when it sent them, else the first line it sent. */
  private String why(String body) {
    try {
      var summary =
          http.readJson(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), ErrorsJson.class)
              .summary();
      if (!summary.isEmpty()) {
        return summary;
      }
    } catch (RuntimeException e) {
      // Not the registry's JSON error body: say what it was.
    }
    return body.strip().lines().findFirst().orElse("");
  }
}
