package org.ferry.boot;

import java.time.Duration;
import org.ferry.registry.RegistryAccess;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The registry and this service's account on it. Pushing workers get the push account; the export
 * worker and the gateway are configured with the pull account.
 */
@ConfigurationProperties("ferry.registry")
public record RegistryProperties(
    String address,
    String scheme,
    String username,
    String password,
    Integer attempts,
    Duration backoff) {

  public RegistryProperties {
    address = address == null ? "127.0.0.1:5000" : address;
    attempts = attempts == null ? 4 : attempts;
    backoff = backoff == null ? Duration.ofMillis(500) : backoff;
  }

  public RegistryAccess access() {
    return new RegistryAccess(address, scheme, username, password);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "RegistryProperties[" + access() + "]";
  }
}
