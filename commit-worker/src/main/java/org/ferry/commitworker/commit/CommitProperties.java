package org.ferry.commitworker.commit;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The commit worker's reservations: the Docker hosts they run on, the label prefix that marks them,
 * whether a commit pauses the container, and how long a reservation listing waits for a host.
 *
 * @param hosts the Docker hosts to search; default one host {@code local} on the unix socket
 * @param labelPrefix labels are {@code <prefix>.team}, {@code <prefix>.reservation.id} and {@code
 *     <prefix>.reservation.name}
 * @param pause freeze the container while it is committed, for a consistent snapshot; a request may
 *     still ask not to pause, but cannot pause when this is off
 * @param listTimeout a host that has not answered a listing or lookup within this is left out
 */
@ConfigurationProperties("ferry.commit")
record CommitProperties(List<Host> hosts, String labelPrefix, Boolean pause, Duration listTimeout) {

  CommitProperties {
    hosts = hosts == null || hosts.isEmpty() ? List.of(Host.LOCAL) : List.copyOf(hosts);
    labelPrefix = labelPrefix == null || labelPrefix.isBlank() ? "ferry" : labelPrefix;
    pause = pause == null ? Boolean.TRUE : pause;
    listTimeout = listTimeout == null ? Duration.ofSeconds(3) : listTimeout;
    if (listTimeout.isNegative() || listTimeout.isZero()) {
      throw new IllegalArgumentException("ferry.commit.list-timeout must be positive");
    }
    var names = new HashSet<String>();
    for (var host : hosts) {
      if (!names.add(host.name())) {
        throw new IllegalArgumentException(
            "ferry.commit.hosts names '" + host.name() + "' twice; give every host its own name");
      }
    }
  }

  /**
   * One Docker host.
   *
   * @param name shown with each reservation, e.g. {@code gpu-1}
   * @param url {@code unix:///var/run/docker.sock} (default) or {@code tcp://gpu-1:2376}
   * @param tlsCertPath folder with {@code ca.pem}, {@code cert.pem} and {@code key.pem} for TCP
   *     with TLS; empty for a unix socket
   */
  record Host(String name, String url, String tlsCertPath) {

    // The patterns come first: LOCAL is built, and checked, while the class initialises.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern URL = Pattern.compile("(unix|tcp)://.+");

    static final String DEFAULT_URL = "unix:///var/run/docker.sock";
    static final Host LOCAL = new Host("local", DEFAULT_URL, null);

    Host {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "ferry.commit.hosts: name '"
                + name
                + "' must be 1-63 letters, digits, '.', '_' or '-' (url "
                + url
                + ")");
      }
      url = url == null || url.isBlank() ? DEFAULT_URL : url.strip();
      if (!URL.matcher(url).matches()) {
        throw new IllegalArgumentException(
            "ferry.commit.hosts: host '"
                + name
                + "' has url '"
                + url
                + "'; use unix:///path/to/docker.sock or tcp://host:port");
      }
      tlsCertPath = tlsCertPath == null || tlsCertPath.isBlank() ? null : tlsCertPath.strip();
    }
  }
}
