package org.ferry.boot;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Gives a service that only reads the registry (it sets {@code ferry.registry.account: pull}, as
 * the export worker and the gateway do) the pull-only account, {@code FERRY_REGISTRY_PULL_USER} and
 * {@code FERRY_REGISTRY_PULL_PASSWORD}, whenever one is configured.
 *
 * <p>application.yml alone cannot: Spring binds the environment variable {@code
 * FERRY_REGISTRY_PASSWORD} (the pushing account's, which a shared environment file hands every
 * service) to {@code ferry.registry.password} with a higher priority than application.yml, and the
 * worker would log in as the pull user with the push password. Command-line arguments and system
 * properties still win over this.
 */
public final class PullAccount implements EnvironmentPostProcessor {

  /** Set to {@code pull} in a service's application.yml to make it use the pull account. */
  public static final String ACCOUNT = "ferry.registry.account";

  static final String USER = "FERRY_REGISTRY_PULL_USER";
  static final String PASSWORD = "FERRY_REGISTRY_PULL_PASSWORD";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    if (!"pull".equals(environment.getProperty(ACCOUNT))) {
      return;
    }
    var user = environment.getProperty(USER);
    if (user == null || user.isBlank()) {
      return;
    }
    var account =
        new MapPropertySource(
            "ferryPullAccount",
            Map.of(
                "ferry.registry.username", "${" + USER + "}",
                "ferry.registry.password", "${" + PASSWORD + ":}"));
    var sources = environment.getPropertySources();
    if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
      sources.addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, account);
    } else {
      sources.addFirst(account);
    }
  }
}
