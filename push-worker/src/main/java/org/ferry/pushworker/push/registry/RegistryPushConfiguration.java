package org.ferry.pushworker.push.registry;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ferry.archive.ArchiveLimits;
import org.ferry.pushworker.push.PushEngine;
import org.ferry.registry.RegistryWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Selects the registry push engine with {@code ferry.push.engine=registry} (the default). */
@Configuration
@ConditionalOnProperty(
    prefix = "ferry.push",
    name = "engine",
    havingValue = "registry",
    matchIfMissing = true)
@EnableConfigurationProperties(RegistryPushProperties.class)
class RegistryPushConfiguration {

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService pushCompressors(RegistryPushProperties properties) {
    return Executors.newFixedThreadPool(properties.threads(), daemon("push-gzip"));
  }

  @Bean
  PushEngine registryPushEngine(
      RegistryWriter registry,
      RegistryPushProperties properties,
      ArchiveLimits limits,
      ExecutorService pushCompressors) {
    return create(registry, properties, limits, pushCompressors);
  }

  /** The engine with the default archive limits. */
  static RegistryPushEngine create(
      RegistryWriter registry, RegistryPushProperties properties, ExecutorService compressors) {
    return create(registry, properties, ArchiveLimits.defaults(), compressors);
  }

  /** The engine with its uploader; a sender thread per layer upload in flight. */
  static RegistryPushEngine create(
      RegistryWriter registry,
      RegistryPushProperties properties,
      ArchiveLimits limits,
      ExecutorService compressors) {
    var senders = Executors.newCachedThreadPool(daemon("push-upload"));
    var uploader = new LayerUploader(registry, properties, compressors, senders);
    return new RegistryPushEngine(registry, uploader, properties.compress(), limits);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    var count = new java.util.concurrent.atomic.AtomicInteger();
    return task -> {
      var thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
