package org.ferry.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.ferry.docker.DockerEngine;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.messaging.FerryDefaults;
import org.ferry.registry.RegistryAccess;
import org.ferry.registry.RegistryReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.amqp.RabbitHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which health indicators a service gets, and what readiness and liveness take in. */
class HealthAutoConfigurationTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withInitializer(
              app ->
                  new FerryDefaults()
                      .postProcessEnvironment(app.getEnvironment(), new SpringApplication()))
          .withConfiguration(
              AutoConfigurations.of(
                  RabbitAutoConfiguration.class,
                  ApplicationAvailabilityAutoConfiguration.class,
                  EndpointAutoConfiguration.class,
                  HealthContributorAutoConfiguration.class,
                  HealthEndpointAutoConfiguration.class,
                  AvailabilityHealthContributorAutoConfiguration.class,
                  AvailabilityProbesAutoConfiguration.class,
                  RabbitHealthContributorAutoConfiguration.class,
                  HealthAutoConfiguration.class));

  @Test
  void readinessCoversBrokerRegistryAndDockerWhenTheWorkerHasThem() {
    // given a worker with a registry client and a Docker engine
    var worker =
        context
            .withBean(RegistryReader.class, () -> registry(true))
            .withBean(DockerEngine.class, () -> docker(true));

    // when it starts
    worker.run(
        started -> {
          // then readiness takes the broker, registry and daemon, liveness none of them
          assertThat(started).hasNotFailed();
          var readiness = started.getBean(HealthEndpointGroups.class).get("readiness");
          var liveness = started.getBean(HealthEndpointGroups.class).get("liveness");
          assertThat(readiness.isMember("readinessState")).isTrue();
          assertThat(readiness.isMember("rabbit")).isTrue();
          assertThat(readiness.isMember("registry")).isTrue();
          assertThat(readiness.isMember("docker")).isTrue();
          assertThat(readiness.isMember("livenessState")).isFalse();
          assertThat(liveness.isMember("livenessState")).isTrue();
          assertThat(liveness.isMember("rabbit")).isFalse();
          assertThat(liveness.isMember("registry")).isFalse();
          assertThat(liveness.isMember("docker")).isFalse();
        });
  }

  @Test
  void serviceWithoutDockerStartsAndHasNoDockerIndicator() {
    // given a service with a registry client but no Docker engine (the gateway, the watcher)
    var gateway = context.withBean(RegistryReader.class, () -> registry(true));

    // when it starts
    gateway.run(
        started -> {
          // then the readiness defaults do not fail it, and there is no docker indicator
          assertThat(started).hasNotFailed();
          var contributors = started.getBean(HealthContributorRegistry.class);
          assertThat(contributors.getContributor("registry")).isNotNull();
          assertThat(contributors.getContributor("docker")).isNull();
        });
  }

  @Test
  void registryIndicatorCanBeSwitchedOffForAServiceThatDoesNotNeedIt() {
    // given the watcher, which has a registry client but never talks to the registry
    var watcher =
        context
            .withBean(RegistryReader.class, () -> registry(true))
            .withPropertyValues("management.health.registry.enabled=false");

    // when it starts
    watcher.run(
        started -> {
          // then it has no registry indicator, and readiness still starts
          assertThat(started).hasNotFailed();
          assertThat(started.getBean(HealthContributorRegistry.class).getContributor("registry"))
              .isNull();
        });
  }

  @Test
  void reportsDownWhenTheRegistryOrDaemonDoesNotAnswer() {
    // given a registry and a daemon that do not answer
    var worker =
        context
            .withBean(RegistryReader.class, () -> registry(false))
            .withBean(DockerEngine.class, () -> docker(false));

    worker.run(
        started -> {
          // when their indicators are asked
          var contributors = started.getBean(HealthContributorRegistry.class);
          var registry = ((HealthIndicator) contributors.getContributor("registry")).health();
          var docker = ((HealthIndicator) contributors.getContributor("docker")).health();

          // then both are DOWN, and the registry names its address but not the password
          assertThat(registry.getStatus()).isEqualTo(Status.DOWN);
          assertThat(registry.getDetails()).containsEntry("address", "registry.test:5000");
          assertThat(registry.toString()).doesNotContain("s3cret");
          assertThat(docker.getStatus()).isEqualTo(Status.DOWN);
        });
  }

  @Test
  void reportsDownWithTheReasonWhenTheRegistryRefusesTheAccount() {
    // given a registry that refuses the service's account
    var client = registry(true);
    when(client.ping())
        .thenThrow(
            new PermanentFailure(
                "use the registry registry.test:5000",
                "it refused Ferry's credentials (HTTP 401)",
                "Tell the operators to check the registry account of this worker.",
                ReasonCodes.REJECTED));

    context
        .withBean(RegistryReader.class, () -> client)
        .run(
            started -> {
              // when its indicator is asked
              var health =
                  ((HealthIndicator)
                          started
                              .getBean(HealthContributorRegistry.class)
                              .getContributor("registry"))
                      .health();

              // then it is DOWN and says why
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails().get("error").toString())
                  .contains("refused Ferry's credentials");
            });
  }

  @Test
  void reportsUpWhenBothAnswer() {
    context
        .withBean(RegistryReader.class, () -> registry(true))
        .withBean(DockerEngine.class, () -> docker(true))
        .run(
            started -> {
              var contributors = started.getBean(HealthContributorRegistry.class);
              assertThat(((HealthIndicator) contributors.getContributor("registry")).health())
                  .extracting("status")
                  .isEqualTo(Status.UP);
              assertThat(((HealthIndicator) contributors.getContributor("docker")).health())
                  .extracting("status")
                  .isEqualTo(Status.UP);
            });
  }

  private static RegistryReader registry(boolean answers) {
    var client = mock(RegistryReader.class);
    when(client.access())
        .thenReturn(new RegistryAccess("registry.test:5000", "https", "ferry", "s3cret"));
    when(client.ping()).thenReturn(answers);
    return client;
  }

  private static DockerEngine docker(boolean answers) {
    var engine = mock(DockerEngine.class);
    when(engine.ping()).thenReturn(answers);
    return engine;
  }
}
