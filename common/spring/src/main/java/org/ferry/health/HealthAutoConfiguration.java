package org.ferry.health;

import org.ferry.boot.RegistryAutoConfiguration;
import org.ferry.boot.docker.DockerAutoConfiguration;
import org.ferry.docker.DockerEngine;
import org.ferry.registry.RegistryReader;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.health.CompositeHealthContributorConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health indicators {@code registry} and {@code docker}, each only in a service that has a
 * registry client or a Docker engine. The readiness group takes them in through Ferry's defaults.
 */
@AutoConfiguration(after = {RegistryAutoConfiguration.class, DockerAutoConfiguration.class})
public class HealthAutoConfiguration {

  /** One {@code registry} indicator, or one per client when a service has several. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.ferry.registry.RegistryReader")
  @ConditionalOnBean(RegistryReader.class)
  @ConditionalOnEnabledHealthIndicator("registry")
  static class RegistryHealth
      extends CompositeHealthContributorConfiguration<RegistryHealthIndicator, RegistryReader> {

    RegistryHealth() {
      super(RegistryHealthIndicator::new);
    }

    @Bean
    @ConditionalOnMissingBean(name = {"registryHealthIndicator", "registryHealthContributor"})
    HealthContributor registryHealthContributor(ConfigurableListableBeanFactory beans) {
      return createContributor(beans, RegistryReader.class);
    }
  }

  /** One {@code docker} indicator, or one per engine when a worker drives several daemons. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.ferry.docker.DockerEngine")
  @ConditionalOnBean(DockerEngine.class)
  @ConditionalOnEnabledHealthIndicator("docker")
  static class DockerHealth
      extends CompositeHealthContributorConfiguration<DockerHealthIndicator, DockerEngine> {

    DockerHealth() {
      super(DockerHealthIndicator::new);
    }

    @Bean
    @ConditionalOnMissingBean(name = {"dockerHealthIndicator", "dockerHealthContributor"})
    HealthContributor dockerHealthContributor(ConfigurableListableBeanFactory beans) {
      return createContributor(beans, DockerEngine.class);
    }
  }
}
