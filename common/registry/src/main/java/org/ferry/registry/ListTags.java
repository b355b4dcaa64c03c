package org.ferry.registry;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.ferry.registry.json.TagListJson;

/** {@code GET /v2/<name>/tags/list}: a repository's tags, sorted. */
final class ListTags {

  private final RegistryHttp http;

  ListTags(RegistryHttp http) {
    this.http = http;
  }

  List<String> call(Repository repository) {
    var action = "list the tags of " + repository;
    var response =
        http.call(
            action,
            () -> http.request("/v2/" + repository.path() + "/tags/list").GET(),
            HttpResponse.BodyHandlers.ofByteArray(),
            Scope.pull(repository));
    if (response.statusCode() == 404) {
      return List.of();
    }
    RegistryHttp.expect(response, 200, action);
    var listed = http.readJson(response.body(), TagListJson.class).tags();
    var tags = new ArrayList<String>(listed == null ? List.of() : listed);
    tags.sort(String::compareTo);
    return tags;
  }
}
