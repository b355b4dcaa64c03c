package org.ferry.gateway.operation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The live operation stream: a connection is closed after {@code timeout} (the browser reconnects
 * by itself) and kept open through proxies by a comment every {@code heartbeat}.
 */
@ConfigurationProperties("ferry.gateway.stream")
record StreamProperties(Duration timeout, Duration heartbeat) {

  StreamProperties {
    timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
    heartbeat = heartbeat == null ? Duration.ofSeconds(20) : heartbeat;
  }
}
