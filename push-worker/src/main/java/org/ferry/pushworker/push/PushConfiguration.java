package org.ferry.pushworker.push;

import org.ferry.archive.ArchiveInspector;
import org.ferry.archive.ArchiveLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The archive checks the push path runs, bound to {@code ferry.archive.*}. */
@Configuration
@EnableConfigurationProperties(ArchiveLimits.class)
class PushConfiguration {

  @Bean
  ArchiveInspector archiveInspector(ArchiveLimits limits) {
    return new ArchiveInspector(limits);
  }
}
