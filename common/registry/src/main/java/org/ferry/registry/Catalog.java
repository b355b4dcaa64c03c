package org.ferry.registry;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.ferry.registry.json.CatalogJson;

/**
 * {@code GET /v2/_catalog}: every {@code <namespace>/<name>} repository, page after page as the
 * {@code Link} header leads. Deeper paths are not images Ferry made and are left out.
 */
final class Catalog {

  private static final String ACTION = "list the registry's repositories";

  private final RegistryHttp http;

  Catalog(RegistryHttp http) {
    this.http = http;
  }

  List<Repository> call() {
    var repositories = new ArrayList<Repository>();
    var path = "/v2/_catalog?n=1000";
    while (path != null) {
      var page = path;
      var response =
          http.call(
              ACTION,
              () -> http.request(page).GET(),
              HttpResponse.BodyHandlers.ofByteArray(),
              Scope.CATALOG);
      RegistryHttp.expect(response, 200, ACTION);
      var listed = http.readJson(response.body(), CatalogJson.class).repositories();
      for (var name : listed == null ? List.<String>of() : listed) {
        if (name.chars().filter(c -> c == '/').count() == 1) {
          repositories.add(Repository.parse(name));
        }
      }
      path =
          response
              .headers()
              .firstValue("Link")
              .map(link -> link.replaceFirst("^<([^>]*)>.*$", "$1"))
              .orElse(null);
    }
    return repositories;
  }
}
