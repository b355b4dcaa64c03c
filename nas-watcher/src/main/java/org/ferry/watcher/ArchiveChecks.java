package org.ferry.watcher;

import org.ferry.archive.ArchiveInspector;
import org.ferry.archive.ArchiveLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The archive checks the watcher runs before it publishes, with the same {@code ferry.archive.*}
 * limits as the push worker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArchiveLimits.class)
class ArchiveChecks {

  @Bean
  ArchiveInspector archiveInspector(ArchiveLimits limits) {
    return new ArchiveInspector(limits);
  }
}
