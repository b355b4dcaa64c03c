package org.ferry.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.ferry.registry.RegistryAccess;

/**
 * The real broker, registry and Docker daemon that {@code deploy/local/test} starts, as its {@code
 * var/local.env} describes them. Integration tests fail with a clear message when they are missing:
 * they are never skipped silently.
 */
public final class LocalServices {

  private static final Pattern EXPORT = Pattern.compile("^export ([A-Z0-9_]+)=(.*)$");
  private static final Map<String, String> FILE = readLocalEnv();

  private LocalServices() {}

  /** A setting from the environment, else from {@code var/local.env}. */
  public static String get(String name) {
    var value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = FILE.get(name);
    }
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name
              + " is not set: integration tests need the local services. Run deploy/local/test,"
              + " or deploy/local/infra and then `source var/local.env`.");
    }
    return value;
  }

  public static String registry() {
    return get("FERRY_REGISTRY");
  }

  /** The pushing account (push and commit workers). */
  public static RegistryAccess pushAccess() {
    return new RegistryAccess(
        registry(), null, get("FERRY_REGISTRY_USER"), get("FERRY_REGISTRY_PASSWORD"));
  }

  /** The pulling account (export worker, gateway). */
  public static RegistryAccess pullAccess() {
    return new RegistryAccess(
        registry(), null, get("FERRY_REGISTRY_PULL_USER"), get("FERRY_REGISTRY_PULL_PASSWORD"));
  }

  public static String dockerHost() {
    var host = System.getenv("DOCKER_HOST");
    return host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host;
  }

  /** The repository root, found by walking up to the folder that holds {@code deploy/local}. */
  public static Path repoRoot() {
    var dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy/local"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  private static Map<String, String> readLocalEnv() {
    var values = new HashMap<String, String>();
    var root = repoRoot();
    if (root == null) {
      return values;
    }
    var file = root.resolve("var/local.env");
    try {
      for (var line : Files.readAllLines(file)) {
        var matcher = EXPORT.matcher(line.strip());
        if (matcher.matches()) {
          values.put(matcher.group(1), unquote(matcher.group(2)));
        }
      }
    } catch (IOException e) {
      // No local.env: the environment must provide the settings.
    }
    return values;
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("'") && value.endsWith("'")
            || value.startsWith("\"") && value.endsWith("\""))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
