package org.ferry.commitworker.commit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.github.resilience4j.retry.Retry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ferry.commitworker.reservation.ContainerHost;

/** Connects to the Docker hosts that run reservations, over a unix socket or TCP with TLS. */
public final class DockerHosts {

  private static final List<String> TLS_FILES = List.of("ca.pem", "cert.pem", "key.pem");
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private DockerHosts() {}

  /**
   * @param url e.g. {@code unix:///var/run/docker.sock} or {@code tcp://gpu-1:2376}
   * @param tlsCertPath folder with {@code ca.pem}, {@code cert.pem} and {@code key.pem}, or null
   * @param lookupTimeout how long a lookup (list, inspect) may take before the host counts as not
   *     answering
   * @throws IllegalStateException if the TLS folder lacks one of its files, so a misconfigured host
   *     is reported at start and not at the first commit
   */
  public static ContainerHost connect(
      String name, String url, String tlsCertPath, Retry retry, Duration lookupTimeout) {
    var tls = tlsCertPath == null || tlsCertPath.isBlank() ? null : tlsCertPath;
    if (tls != null) {
      for (var file : TLS_FILES) {
        if (!Files.isReadable(Path.of(tls, file))) {
          throw new IllegalStateException(
              "Docker host '" + name + "': " + Path.of(tls, file) + " is missing or unreadable");
        }
      }
    }
    return new DockerJavaContainerHost(
        name, client(url, tls, null), client(url, tls, lookupTimeout), retry);
  }

  /**
   * A client for one daemon; TLS is set from the host's own configuration only, never from the
   * process's DOCKER_TLS_VERIFY, because hosts differ.
   *
   * @param responseTimeout null for calls that stream for minutes (commit, push)
   */
  private static DockerClient client(String url, String tls, Duration responseTimeout) {
    var config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(url)
            .withDockerTlsVerify(tls != null);
    if (tls != null) {
      config.withDockerCertPath(tls);
    }
    var built = config.build();
    var http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(built.getDockerHost())
            .sslConfig(built.getSSLConfig())
            .maxConnections(8)
            .connectionTimeout(responseTimeout == null ? CONNECT_TIMEOUT : responseTimeout);
    if (responseTimeout != null) {
      http.responseTimeout(responseTimeout);
    }
    return DockerClientImpl.getInstance(built, http.build());
  }
}
