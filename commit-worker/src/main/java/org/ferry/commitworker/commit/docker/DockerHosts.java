package org.ferry.commitworker.commit.docker;

import io.github.resilience4j.retry.Retry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ferry.commitworker.reservation.ContainerHost;
import org.ferry.docker.DockerClients;

/** Connects to the Docker hosts that run reservations, over a unix socket or TCP with TLS. */
public final class DockerHosts {

  private static final List<String> TLS_FILES = List.of("ca.pem", "cert.pem", "key.pem");

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
        name,
        DockerClients.connect(url, tls),
        DockerClients.connect(url, tls, lookupTimeout),
        retry);
  }
}
