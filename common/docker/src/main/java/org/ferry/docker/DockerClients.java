package org.ferry.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;

/** Builds docker-java clients for a daemon address (a unix socket or TCP with TLS). */
public final class DockerClients {

  private DockerClients() {}

  /**
   * @param dockerHost e.g. {@code unix:///var/run/docker.sock} or {@code tcp://gpu-1:2376}
   * @param tlsCertPath folder with {@code ca.pem}, {@code cert.pem}, {@code key.pem} for TCP+TLS,
   *     or null
   */
  public static DockerClient connect(String dockerHost, String tlsCertPath) {
    var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost);
    if (tlsCertPath != null && !tlsCertPath.isBlank()) {
      config.withDockerTlsVerify(true).withDockerCertPath(tlsCertPath);
    }
    var built = config.build();
    var http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(built.getDockerHost())
            .sslConfig(built.getSSLConfig())
            .maxConnections(16)
            .connectionTimeout(Duration.ofSeconds(10))
            // Loads, pushes and commits of large images stream for minutes: no response timeout.
            .build();
    return DockerClientImpl.getInstance(built, http);
  }
}
