package org.ferry.health;

import org.ferry.docker.DockerEngine;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Whether the Docker daemon a worker loads, commits or pushes through answers a ping. */
class DockerHealthIndicator extends AbstractHealthIndicator {

  private final DockerEngine docker;

  DockerHealthIndicator(DockerEngine docker) {
    super("Docker health check failed");
    this.docker = docker;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (docker.ping()) {
      builder.up();
    } else {
      builder.down().withDetail("error", "the Docker daemon does not answer a ping");
    }
  }
}
