package org.ferry.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.RegistryWriter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RegistryAutoConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(RegistryAutoConfiguration.class))
          .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

  @Test
  void givesAServiceOnThePullAccountOnlyAReader() {
    context
        .withPropertyValues(PullAccount.ACCOUNT + "=pull")
        .run(
            context -> {
              // then
              assertThat(context).hasSingleBean(RegistryReader.class);
              assertThat(context).doesNotHaveBean(RegistryWriter.class);
              assertThat(context.getBean(RegistryReader.class))
                  .isNotInstanceOf(RegistryWriter.class);
            });
  }

  @Test
  void givesAPushingServiceAWriter() {
    context.run(
        context -> {
          // then
          assertThat(context).hasSingleBean(RegistryWriter.class);
          assertThat(context).hasSingleBean(RegistryReader.class);
        });
  }

  @Test
  void bindsTheRetryAndBreakerMetricsNamedRegistryForEitherAccount() {
    for (var account : new String[] {"pull", "push"}) {
      context
          .withPropertyValues(PullAccount.ACCOUNT + "=" + account)
          .run(
              context -> {
                // when
                context.getBean(RegistryReader.class);
                var meters = context.getBean(MeterRegistry.class);

                // then
                assertThat(meters.find("resilience4j.retry.calls").tag("name", "registry").meters())
                    .as(account)
                    .isNotEmpty();
                assertThat(
                        meters
                            .find("resilience4j.circuitbreaker.state")
                            .tag("name", "registry")
                            .meters())
                    .as(account)
                    .isNotEmpty();
              });
    }
  }
}
