package org.ferry.health;

import org.ferry.registry.RegistryReader;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Whether the registry answers {@code /v2/} and accepts this service's account; a worker that
 * cannot reach it is not ready for work.
 */
class RegistryHealthIndicator extends AbstractHealthIndicator {

  private final RegistryReader registry;

  RegistryHealthIndicator(RegistryReader registry) {
    super("Registry health check failed");
    this.registry = registry;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    // Only the address: the account's password must never reach a health response.
    builder.withDetail("address", registry.access().address());
    if (registry.ping()) {
      builder.up();
    } else {
      builder.down().withDetail("error", "the registry does not answer /v2/ with 200");
    }
  }
}
