package org.ferry.contract;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A virtual host of its own on the local test broker, deleted on close. A small copy of
 * ferry-testing's TestBroker, which this module cannot use: ferry-testing depends on it.
 */
final class PrivateVhost implements AutoCloseable {

  private final URI base;
  private final String vhost;

  private PrivateVhost(URI base, String vhost) {
    this.base = base;
    this.vhost = vhost;
  }

  static PrivateVhost create() {
    var base = URI.create(setting("FERRY_TEST_AMQP_URI"));
    var created = new PrivateVhost(base, "ferry-contracts-it-" + UUID.randomUUID());
    created.admin("PUT", "/api/vhosts/" + created.encoded(), "{}");
    created.admin(
        "PUT",
        "/api/permissions/" + created.encoded() + "/" + created.user(),
        "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
    return created;
  }

  String amqpUri() {
    return base.getScheme()
        + "://"
        + base.getRawUserInfo()
        + "@"
        + base.getHost()
        + ":"
        + base.getPort()
        + "/"
        + encoded();
  }

  @Override
  public void close() {
    admin("DELETE", "/api/vhosts/" + encoded(), null);
  }

  private String encoded() {
    return URLEncoder.encode(vhost, StandardCharsets.UTF_8);
  }

  private String credentials() {
    return URLDecoder.decode(base.getRawUserInfo().replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private String user() {
    return credentials().split(":", 2)[0];
  }

  private void admin(String method, String path, String body) {
    var request =
        HttpRequest.newBuilder(URI.create(setting("FERRY_AMQP_ADMIN_URL") + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials().getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      var response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("RabbitMQ's management API is unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String setting(String name) {
    var value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name + " is not set: run deploy/local/infra and then `source var/local.env`.");
    }
    return value;
  }
}
