package org.ferry.gateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ferry.registry.RegistryProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class PullAccountTest {

  @Test
  void usesThePullAccountEvenWhenThePushPasswordIsInTheEnvironment() {
    // given the variables var/local.env exports to every service
    var environment = environment(Map.of());

    // when
    new PullAccount().postProcessEnvironment(environment, new SpringApplication());

    // then
    var registry = Binder.get(environment).bind("ferry.registry", RegistryProperties.class).get();
    assertThat(registry.username()).isEqualTo("ferry-pull");
    assertThat(registry.password()).isEqualTo("pull-secret");
  }

  @Test
  void letsACommandLineArgumentWin() {
    // given
    var environment = environment(Map.of("ferry.registry.username", "operator-choice"));

    // when
    new PullAccount().postProcessEnvironment(environment, new SpringApplication());

    // then
    assertThat(environment.getProperty("ferry.registry.username")).isEqualTo("operator-choice");
  }

  private static StandardEnvironment environment(Map<String, Object> commandLine) {
    var environment = new StandardEnvironment();
    var sources = environment.getPropertySources();
    sources.replace(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of(
                "FERRY_REGISTRY_USER", "ferry-push",
                "FERRY_REGISTRY_PASSWORD", "push-secret",
                "FERRY_REGISTRY_PULL_USER", "ferry-pull",
                "FERRY_REGISTRY_PULL_PASSWORD", "pull-secret")));
    sources.addFirst(new MapPropertySource("commandLineArgs", commandLine));
    sources.addLast(
        new MapPropertySource(
            "application.yml",
            Map.of(
                "ferry.registry.username", "${FERRY_REGISTRY_PULL_USER:}",
                "ferry.registry.password", "${FERRY_REGISTRY_PULL_PASSWORD:}")));
    return environment;
  }
}
