package org.ferry.gateway.image;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Gives the gateway the registry's pull account, FERRY_REGISTRY_PULL_USER and
 * FERRY_REGISTRY_PULL_PASSWORD.
 *
 * <p>application.yml alone cannot: the environment variable FERRY_REGISTRY_PASSWORD (the pushing
 * workers' password, exported to every service by var/local.env) binds to {@code
 * ferry.registry.password} by relaxed binding and outranks application.yml. This source sits just
 * above the environment, so command-line arguments and system properties still win.
 */
public final class PullAccount implements EnvironmentPostProcessor {

  static final String NAME = "ferryGatewayPullAccount";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    var account =
        new MapPropertySource(
            NAME,
            Map.of(
                "ferry.registry.username", "${FERRY_REGISTRY_PULL_USER:}",
                "ferry.registry.password", "${FERRY_REGISTRY_PULL_PASSWORD:}"));
    var sources = environment.getPropertySources();
    if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
      sources.addBefore(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, account);
    } else {
      sources.addLast(account);
    }
  }
}
