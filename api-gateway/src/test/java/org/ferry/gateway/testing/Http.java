package org.ferry.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client for the gateway under test, signing in with HTTP Basic as an API user. */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public Http(int port) {
    this("http://127.0.0.1:" + port);
  }

  public Http(String base) {
    this.base = base;
  }

  /** What the gateway answered. */
  public record Response(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  public Response get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** A GET that asks for {@code accept}, e.g. an event stream as a browser's EventSource does. */
  public Response get(String user, String path, String accept) {
    return send(
        user, HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
  }

  /** A GET with the given Authorization header, for credentials no test user has. */
  public Response getAs(String authorization, String path) {
    return send(
        null,
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", authorization)
            .GET());
  }

  public Response post(String user, String path, Object body) {
    return send(
        user,
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  public Response delete(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  public HttpClient client() {
    return client;
  }

  public static String basic(String user) {
    var pair = user + ":" + TestGateway.password(user);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  private Response send(String user, HttpRequest.Builder request) {
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    if (request.build().headers().firstValue("Accept").isEmpty()) {
      request.header("Accept", "application/json, application/problem+json");
    }
    try {
      var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String write(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
