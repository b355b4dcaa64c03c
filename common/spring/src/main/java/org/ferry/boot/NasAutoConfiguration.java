package org.ferry.boot;

import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.NasLayout;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The NAS layout and archive claims for services that read team folders. */
@AutoConfiguration
@ConditionalOnClass(ArchiveClaims.class)
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
