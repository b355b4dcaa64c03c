package org.ferry.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ferry.boot.RegistryAutoConfiguration;
import org.ferry.boot.docker.DockerAutoConfiguration;
import org.ferry.messaging.FerryDefaults;
import org.ferry.testing.LocalServices;
import org.ferry.testing.TestBroker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.amqp.RabbitHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** Readiness and liveness of a worker against the real broker, registry and Docker daemon. */
class ReadinessIT {

  private final ApplicationContextRunner worker =
      new ApplicationContextRunner()
          .withInitializer(
              app -> {
                new FerryDefaults()
                    .postProcessEnvironment(app.getEnvironment(), new SpringApplication());
                app.getBeanFactory()
                    .setConversionService(ApplicationConversionService.getSharedInstance());
              })
          .withConfiguration(
              AutoConfigurations.of(
                  RabbitAutoConfiguration.class,
                  RegistryAutoConfiguration.class,
                  DockerAutoConfiguration.class,
                  ApplicationAvailabilityAutoConfiguration.class,
                  EndpointAutoConfiguration.class,
                  HealthContributorAutoConfiguration.class,
                  HealthEndpointAutoConfiguration.class,
                  AvailabilityHealthContributorAutoConfiguration.class,
                  AvailabilityProbesAutoConfiguration.class,
                  RabbitHealthContributorAutoConfiguration.class,
                  HealthAutoConfiguration.class))
          .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
          .withPropertyValues(
              "spring.rabbitmq.addresses=" + TestBroker.shared().amqpUri(),
              "ferry.registry.address=" + LocalServices.pushAccess().address(),
              "ferry.registry.username=" + LocalServices.pushAccess().username(),
              "ferry.registry.password=" + LocalServices.pushAccess().password(),
              "ferry.registry.attempts=1",
              "ferry.docker.host=" + LocalServices.dockerHost());

  @Test
  void workerIsReadyWhenBrokerRegistryAndDaemonAnswer() {
    worker.run(
        context -> {
          // given the worker started (SpringApplication would say so)
          started(context);

          // when readiness and liveness are asked
          var health = context.getBean(HealthEndpoint.class);
          var readiness = (CompositeHealth) health.healthForPath("readiness");
          var liveness = (CompositeHealth) health.healthForPath("liveness");

          // then readiness is UP and covers the three dependencies; liveness covers none
          assertThat(readiness.getStatus()).isEqualTo(Status.UP);
          assertThat(readiness.getComponents())
              .containsKeys("readinessState", "rabbit", "registry", "docker")
              .doesNotContainKey("livenessState");
          assertThat(liveness.getStatus()).isEqualTo(Status.UP);
          assertThat(liveness.getComponents()).containsOnlyKeys("livenessState");
        });
  }

  @Test
  void workerIsNotReadyButStillLiveWhenRegistryRefusesItAndDaemonIsGone() {
    worker
        .withPropertyValues(
            "ferry.registry.password=not-the-password",
            "ferry.docker.host=unix:///nonexistent/docker.sock")
        .run(
            context -> {
              // given the worker started (SpringApplication would say so)
              started(context);

              // when readiness and liveness are asked
              var health = context.getBean(HealthEndpoint.class);
              var readiness = (CompositeHealth) health.healthForPath("readiness");

              // then readiness is DOWN for the registry and the daemon, the broker is still UP
              assertThat(readiness.getStatus()).isEqualTo(Status.DOWN);
              assertThat(readiness.getComponents().get("registry").getStatus())
                  .isEqualTo(Status.DOWN);
              assertThat(readiness.getComponents().get("docker").getStatus())
                  .isEqualTo(Status.DOWN);
              assertThat(readiness.getComponents().get("rabbit").getStatus()).isEqualTo(Status.UP);
              // and the worker is not restarted for it: liveness stays UP
              assertThat(health.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
            });
  }

  /** Announces what SpringApplication announces once a service has started. */
  private static void started(ApplicationContext context) {
    AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
    AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
  }
}
