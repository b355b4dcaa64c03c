package org.ferry.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;

/**
 * Builds docker-java clients for a daemon address (a unix socket or TCP with TLS); the one place
 * that does, so every Ferry client of a daemon has the same pool, timeouts and TLS rules.
 */
public final class DockerClients {

  /**
   * Enough for a worker's concurrent streams (each load, push or commit holds one for minutes) plus
   * lookups beside them; the pool grows only as needed, so a large bound costs nothing idle.
   */
  static final int MAX_CONNECTIONS = 16;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private DockerClients() {}

  /**
   * A client for calls that stream for minutes (load, push, commit): no response timeout.
   *
   * @param dockerHost e.g. {@code unix:///var/run/docker.sock} or {@code tcp://gpu-1:2376}
   * @param tlsCertPath folder with {@code ca.pem}, {@code cert.pem}, {@code key.pem} for TCP+TLS,
   *     or null
   */
  public static DockerClient connect(String dockerHost, String tlsCertPath) {
    return connect(dockerHost, tlsCertPath, null);
  }

  /**
   * A client whose calls must answer within {@code responseTimeout} (which also bounds connecting),
   * or, when it is null, a client for calls that stream for minutes. TLS is set from the given
   * folder only, never from the process's DOCKER_TLS_VERIFY, because hosts differ.
   */
  public static DockerClient connect(
      String dockerHost, String tlsCertPath, Duration responseTimeout) {
    var tls = tlsCertPath != null && !tlsCertPath.isBlank();
    var config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(dockerHost)
            .withDockerTlsVerify(tls);
    if (tls) {
      config.withDockerCertPath(tlsCertPath);
    }
    var built = config.build();
    var http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(built.getDockerHost())
            .sslConfig(built.getSSLConfig())
            .maxConnections(MAX_CONNECTIONS)
            .connectionTimeout(responseTimeout == null ? CONNECT_TIMEOUT : responseTimeout);
    if (responseTimeout != null) {
      http.responseTimeout(responseTimeout);
    }
    return DockerClientImpl.getInstance(built, http.build());
  }
}
