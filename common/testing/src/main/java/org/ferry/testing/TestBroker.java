package org.ferry.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A private virtual host on the local RabbitMQ for one test run, so that test suites running side
 * by side (and the deployed services) never take each other's messages. It is deleted when the JVM
 * exits.
 */
public final class TestBroker {

  private static TestBroker shared;

  private final String vhost;
  private final URI amqp;

  private TestBroker(String vhost, URI amqp) {
    this.vhost = vhost;
    this.amqp = amqp;
  }

  /** The vhost of this JVM, created on first use. */
  public static synchronized TestBroker shared() {
    if (shared == null) {
      shared = create();
    }
    return shared;
  }

  /** The AMQP URI to hand to Spring as {@code spring.rabbitmq.addresses}. */
  public String amqpUri() {
    return amqp.toString();
  }

  public String vhost() {
    return vhost;
  }

  private static TestBroker create() {
    var base = URI.create(LocalServices.get("FERRY_TEST_AMQP_URI"));
    var vhost = "ferry-it-" + UUID.randomUUID().toString().substring(0, 8);
    var user = base.getUserInfo().split(":", 2)[0];
    var encodedVhost = URLEncoder.encode(vhost, StandardCharsets.UTF_8);
    admin("PUT", "/api/vhosts/" + encodedVhost, "{}");
    admin(
        "PUT",
        "/api/permissions/" + encodedVhost + "/" + user,
        "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> admin("DELETE", "/api/vhosts/" + encodedVhost, null)));
    var amqp =
        URI.create(
            base.getScheme()
                + "://"
                + base.getRawUserInfo()
                + "@"
                + base.getHost()
                + ":"
                + base.getPort()
                + "/"
                + encodedVhost);
    return new TestBroker(vhost, amqp);
  }

  /** Calls the management API with the test user, who has the administrator tag locally. */
  public static String admin(String method, String path, String body) {
    var base = URI.create(LocalServices.get("FERRY_TEST_AMQP_URI"));
    var credentials = URLDecoding.decode(base.getRawUserInfo());
    var request =
        HttpRequest.newBuilder(URI.create(LocalServices.get("FERRY_AMQP_ADMIN_URL") + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      // HTTP/1.1: the client's default h2c upgrade breaks requests with a body on RabbitMQ 3.10.
      var response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300 && !method.equals("DELETE")) {
        throw new IllegalStateException(
            method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("RabbitMQ's management API is unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Percent-decoding of the user-info part of a URI. */
  private static final class URLDecoding {
    static String decode(String raw) {
      return java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
  }
}
