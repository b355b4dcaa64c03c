package org.ferry.nas;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The NAS layout and archive claims for services that read team folders. */
@AutoConfiguration
@EnableConfigurationProperties(NasProperties.class)
public class NasAutoConfiguration {

  @Bean
  NasLayout nasLayout(NasProperties properties) {
    return new NasLayout(properties.root(), properties.workDir());
  }

  @Bean
  ArchiveClaims archiveClaims(NasLayout layout) {
    return new ArchiveClaims(layout);
  }
}
