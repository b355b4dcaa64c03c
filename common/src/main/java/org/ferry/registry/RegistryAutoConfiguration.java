package org.ferry.registry;

import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The registry client, with its retries visible as {@code resilience4j_retry_calls}. */
@AutoConfiguration
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryAutoConfiguration {

  @Bean
  RegistryClient registryClient(RegistryProperties properties, MeterRegistry meters) {
    var retry = RegistryRetry.create("registry", properties.attempts(), properties.backoff());
    var retries = RetryRegistry.ofDefaults();
    retries.retry(retry.getName(), () -> retry.getRetryConfig());
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    return new RegistryClient(properties.access(), retries.retry(retry.getName()));
  }
}
