package org.ferry.boot.docker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The Docker daemon a worker uses: its address, TLS material for TCP, and retries. */
@ConfigurationProperties("ferry.docker")
public record DockerProperties(
    String host, String tlsCertPath, Integer attempts, Duration backoff) {

  public DockerProperties {
    host = host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host;
    attempts = attempts == null ? 3 : attempts;
    backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
  }
}
