package org.ferry.registry;

import java.io.IOException;
import java.net.http.HttpResponse;

/** {@code GET /v2/}: whether the registry answers and accepts Ferry's credentials. */
final class Ping {

  private final RegistryHttp http;

  Ping(RegistryHttp http) {
    this.http = http;
  }

  /**
   * False when the registry does not answer; a refused login is a {@link
   * org.ferry.failure.PermanentFailure}.
   */
  boolean call() {
    try {
      var response = http.probe(http.request("/v2/").GET(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
