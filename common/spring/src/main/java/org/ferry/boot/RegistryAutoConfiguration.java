package org.ferry.boot;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.ferry.registry.RegistryClient;
import org.ferry.registry.RegistryRetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The registry client, with its retries and circuit breaker visible as {@code
 * resilience4j_retry_calls} and {@code resilience4j_circuitbreaker_state}.
 */
@AutoConfiguration
@ConditionalOnClass(RegistryClient.class)
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryAutoConfiguration {

  @Bean
  RegistryClient registryClient(RegistryProperties properties, MeterRegistry meters) {
    var retry = RegistryRetry.create("registry", properties.attempts(), properties.backoff());
    var retries = RetryRegistry.ofDefaults();
    retries.retry(retry.getName(), () -> retry.getRetryConfig());
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    var breakers = CircuitBreakerRegistry.ofDefaults();
    var breaker = breakers.circuitBreaker("registry", RegistryRetry.breakerConfig());
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    return new RegistryClient(properties.access(), retries.retry(retry.getName()), breaker);
  }
}
