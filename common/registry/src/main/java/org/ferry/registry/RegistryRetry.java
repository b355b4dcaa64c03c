package org.ferry.registry;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import org.ferry.failure.TransientFailure;

/**
 * The resilience policy for registry calls: retries of transient failures only, with exponential
 * backoff, and the circuit breaker that stops hammering a registry that is down.
 */
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

  /**
   * Opens after half of the last 20 calls failed transiently (a permanent failure, such as a
   * missing image, says nothing about the registry's health), and tries again after 30 seconds.
   */
  public static CircuitBreakerConfig breakerConfig() {
    return CircuitBreakerConfig.custom()
        .slidingWindowSize(20)
        .minimumNumberOfCalls(10)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(30))
        .recordExceptions(TransientFailure.class)
        .build();
  }
}
