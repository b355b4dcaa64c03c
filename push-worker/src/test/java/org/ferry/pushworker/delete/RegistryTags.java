package org.ferry.pushworker.delete;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.ferry.registry.MediaTypes;
import org.ferry.registry.RegistryAccess;
import org.ferry.registry.Repository;

/** Adds a tag to an existing manifest over the registry API, as {@code docker tag; push} would. */
final class RegistryTags {

  private RegistryTags() {}

  static void tag(RegistryAccess access, Repository repository, String existing, String added)
      throws IOException, InterruptedException {
    var http = HttpClient.newHttpClient();
    var base =
        access.scheme() + "://" + access.address() + "/v2/" + repository.path() + "/manifests/";
    var auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (access.username() + ":" + access.password()).getBytes(StandardCharsets.UTF_8));
    var manifest =
        http.send(
            HttpRequest.newBuilder(URI.create(base + existing))
                .header("Authorization", auth)
                .header("Accept", MediaTypes.DOCKER_MANIFEST)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (manifest.statusCode() != 200) {
      throw new IllegalStateException("GET manifest answered " + manifest.statusCode());
    }
    var put =
        http.send(
            HttpRequest.newBuilder(URI.create(base + added))
                .header("Authorization", auth)
                .header(
                    "Content-Type",
                    manifest
                        .headers()
                        .firstValue("Content-Type")
                        .orElse(MediaTypes.DOCKER_MANIFEST))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.body()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (put.statusCode() != 201) {
      throw new IllegalStateException("PUT manifest answered " + put.statusCode() + put.body());
    }
  }
}
