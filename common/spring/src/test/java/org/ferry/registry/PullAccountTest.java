package org.ferry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.ferry.boot.PullAccount;
import org.ferry.boot.RegistryProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class PullAccountTest {

  @Test
  void usesThePullAccountEvenWhenThePushPasswordIsInTheEnvironment() {
    // given: the shared environment file of deploy/local, as every service gets it
    var environment =
        environment(
            Map.of(
                "FERRY_REGISTRY_USER", "ferry-push",
                "FERRY_REGISTRY_PASSWORD", "push-secret",
                "FERRY_REGISTRY_PULL_USER", "ferry-pull",
                "FERRY_REGISTRY_PULL_PASSWORD", "pull-secret"));

    // when
    new PullAccount().postProcessEnvironment(environment, new SpringApplication());

    // then
    var registry = bind(environment);
    assertThat(registry.username()).isEqualTo("ferry-pull");
    assertThat(registry.password()).isEqualTo("pull-secret");
  }

  @Test
  void leavesAServiceThatDoesNotAskForThePullAccountAlone() {
    // given: a pushing worker, which ships no ferry.registry.account
    var environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new HashMap<>(
                    Map.of(
                        "FERRY_REGISTRY_USERNAME", "ferry-push",
                        "FERRY_REGISTRY_PASSWORD", "push-secret",
                        "FERRY_REGISTRY_PULL_USER", "ferry-pull",
                        "FERRY_REGISTRY_PULL_PASSWORD", "pull-secret"))));

    // when
    new PullAccount().postProcessEnvironment(environment, new SpringApplication());

    // then
    assertThat(bind(environment).username()).isEqualTo("ferry-push");
  }

  @Test
  void leavesTheConfigurationAloneWithoutAPullAccount() {
    // given: an operator who gives the worker its own account the usual Spring way
    var environment =
        environment(
            Map.of(
                "FERRY_REGISTRY_USERNAME", "export-bot",
                "FERRY_REGISTRY_PASSWORD", "bot-secret"));

    // when
    new PullAccount().postProcessEnvironment(environment, new SpringApplication());

    // then
    var registry = bind(environment);
    assertThat(registry.username()).isEqualTo("export-bot");
    assertThat(registry.password()).isEqualTo("bot-secret");
  }

  @Test
  void letsACommandLineArgumentWin() {
    // given
    var environment =
        environment(
            Map.of(
                "FERRY_REGISTRY_PULL_USER", "ferry-pull",
                "FERRY_REGISTRY_PULL_PASSWORD", "pull-secret"));
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "commandLineArgs", Map.of("ferry.registry.username", "someone-else")));

    // when
    new PullAccount().postProcessEnvironment(environment, new SpringApplication());

    // then
    assertThat(bind(environment).username()).isEqualTo("someone-else");
  }

  private static StandardEnvironment environment(Map<String, Object> variables) {
    var environment = new StandardEnvironment();
    var sources = environment.getPropertySources();
    sources.replace(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
    // application.yml, as the export worker and the gateway ship it
    sources.addLast(
        new MapPropertySource("applicationConfig", Map.of(PullAccount.ACCOUNT, "pull")));
    return environment;
  }

  private static RegistryProperties bind(StandardEnvironment environment) {
    return Binder.get(environment).bind("ferry.registry", RegistryProperties.class).get();
  }
}
