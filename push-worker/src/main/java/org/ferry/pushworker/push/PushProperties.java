package org.ferry.pushworker.push;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the push-worker pushes: {@code engine} picks the {@link PushEngine} ({@code registry}, the
 * default, or {@code docker}), and the result of a finished push is kept for {@code
 * resultRetention} so that a request delivered again in that time is answered with it. While a push
 * runs, its claim's lease is renewed every {@code leaseRenewal}: far more often than the watcher's
 * {@code ferry.watcher.stale-claim-after}, after which an unrenewed claim is given back.
 */
@ConfigurationProperties("ferry.push")
record PushProperties(Engine engine, Duration resultRetention, Duration leaseRenewal) {

  PushProperties {
    engine = engine == null ? Engine.REGISTRY : engine;
    resultRetention = resultRetention == null ? Duration.ofDays(7) : resultRetention;
    leaseRenewal = leaseRenewal == null ? Duration.ofSeconds(30) : leaseRenewal;
    if (leaseRenewal.isZero() || leaseRenewal.isNegative()) {
      throw new IllegalArgumentException("ferry.push.lease-renewal must be positive");
    }
  }

  /** The engines that can push an archive. */
  enum Engine {
    /** {@code docker load} of the re-tagged archive, then {@code docker push}. */
    DOCKER,
    /** Streams the archive once and uploads its layers straight to the registry. */
    REGISTRY
  }
}
