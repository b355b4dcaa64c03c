package org.ferry.boot;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.ferry.registry.RegistryClient;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.RegistryRetry;
import org.ferry.registry.RegistryWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The registry client, with its retries and circuit breaker visible as {@code
 * resilience4j_retry_calls} and {@code resilience4j_circuitbreaker_state}. A service on the pull
 * account ({@code ferry.registry.account: pull}, the gateway and the export worker) gets only a
 * {@link RegistryReader}, which has no write to reach; every other service gets a {@link
 * RegistryWriter}.
 */
@AutoConfiguration
@ConditionalOnClass(RegistryClient.class)
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryAutoConfiguration {

  @Bean
  @ConditionalOnProperty(name = PullAccount.ACCOUNT, havingValue = "pull")
  RegistryReader registryReader(RegistryProperties properties, MeterRegistry meters) {
    return client(properties, meters).readOnly();
  }

  @Bean
  @ConditionalOnExpression("'${" + PullAccount.ACCOUNT + ":push}' != 'pull'")
  RegistryWriter registryWriter(RegistryProperties properties, MeterRegistry meters) {
    return client(properties, meters);
  }

  private static RegistryClient client(RegistryProperties properties, MeterRegistry meters) {
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
