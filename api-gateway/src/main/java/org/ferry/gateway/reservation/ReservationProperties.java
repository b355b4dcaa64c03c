package org.ferry.gateway.reservation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long the gateway waits for a commit worker to list a team's reservations. */
@ConfigurationProperties("ferry.gateway.reservations")
record ReservationProperties(Duration timeout) {

  ReservationProperties {
    timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
  }
}
