package org.ferry.registry;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.ferry.failure.TransientFailure;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The registry client, with its retries and circuit breaker visible as {@code
 * resilience4j_retry_calls} and {@code resilience4j_circuitbreaker_state}.
 */
@AutoConfiguration
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryAutoConfiguration {

  @Bean
  RegistryClient registryClient(RegistryProperties properties, MeterRegistry meters) {
    var retry = RegistryRetry.create("registry", properties.attempts(), properties.backoff());
    var retries = RetryRegistry.ofDefaults();
    retries.retry(retry.getName(), () -> retry.getRetryConfig());
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    var breakers = CircuitBreakerRegistry.ofDefaults();
    var breaker = breakers.circuitBreaker("registry", RegistryAutoConfiguration::breakerConfig);
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    return new RegistryClient(properties.access(), retries.retry(retry.getName()), breaker);
  }

  /**
   * Opens after half of the last 20 calls failed transiently (a permanent failure, such as a
   * missing image, says nothing about the registry's health), and tries again after 30 seconds.
   */
  static CircuitBreakerConfig breakerConfig() {
    return CircuitBreakerConfig.custom()
        .slidingWindowSize(20)
        .minimumNumberOfCalls(10)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(30))
        .recordExceptions(TransientFailure.class)
        .build();
  }
}
