package org.ferry.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.util.ClassUtils;

/**
 * The watcher gets only what it uses from the starter: it never talks to the registry, so it has no
 * registry client and no {@code registry} health check, by its class path, not by a setting.
 */
class WatcherContextIT {

  @Test
  void hasNoRegistryHealthCheckAndNoRegistryClient(@TempDir Path nas) {
    // given the watcher as it is deployed, with no setting that switches anything off
    try (var context = WatcherFixtures.startWatcher(nas)) {

      // when its health contributors are listed
      var health = context.getBean(HealthContributorRegistry.class);

      // then there is none for the registry, while the broker's is there
      assertThat(health.getContributor("rabbit")).isNotNull();
      assertThat(health.getContributor("registry")).isNull();
      assertThat(ClassUtils.isPresent("org.ferry.registry.RegistryClient", null)).isFalse();
      assertThat(context.getEnvironment().getProperty("management.health.registry.enabled"))
          .isNull();
    }
  }

  @Test
  void runsNoOperations(@TempDir Path nas) {
    try (var context = WatcherFixtures.startWatcher(nas)) {

      assertThat(ClassUtils.isPresent("org.ferry.work.OperationRunner", null)).isFalse();
      assertThat(context.getBeanDefinitionNames())
          .noneMatch(name -> typeName(context, name).equals("org.ferry.work.OperationRunner"));
    }
  }

  private static String typeName(
      org.springframework.context.ApplicationContext context, String bean) {
    var type = context.getType(bean);
    return type == null ? "" : type.getName();
  }
}
