package org.ferry.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code POST /v2/<name>/blobs/uploads/}: opens a blob upload and says where its bytes go. */
final class StartUpload {

  private final RegistryHttp http;

  StartUpload(RegistryHttp http) {
    this.http = http;
  }

  URI call(Repository repository) {
    var action = "start an upload to " + repository;
    var response =
        http.call(
            action,
            () ->
                http.request("/v2/" + repository.path() + "/blobs/uploads/")
                    .version(HttpClient.Version.HTTP_1_1)
                    .POST(HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.discarding(),
            Scope.push(repository));
    RegistryHttp.expect(response, 202, action);
    return http.location(response, action);
  }
}
