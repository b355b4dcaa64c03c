package org.ferry.registry;

import java.util.Objects;

/**
 * How to reach the registry and as whom. {@code scheme} is {@code http} only for a registry on the
 * loopback address or one the operators mark insecure; everything else is {@code https}.
 */
public record RegistryAccess(String address, String scheme, String username, String password) {

  public RegistryAccess {
    Objects.requireNonNull(address, "address");
    scheme = scheme == null || scheme.isBlank() ? defaultScheme(address) : scheme;
  }

  public static String defaultScheme(String address) {
    var host = address.replaceFirst(":\\d+$", "");
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
        ? "http"
        : "https";
  }

  public boolean hasCredentials() {
    return username != null && !username.isBlank();
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return scheme + "://" + address + (hasCredentials() ? " as " + username : "");
  }
}
