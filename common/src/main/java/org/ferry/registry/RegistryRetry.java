package org.ferry.registry;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import org.ferry.failure.TransientFailure;

/** The retry policy for registry calls: transient failures only, with exponential backoff. */
public final class RegistryRetry {

  private RegistryRetry() {}

  public static Retry create(String name, int attempts, Duration firstBackoff) {
    return Retry.of(
        name,
        RetryConfig.custom()
            .maxAttempts(attempts)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(firstBackoff, 2.0))
            .retryExceptions(TransientFailure.class)
            .build());
  }
}
