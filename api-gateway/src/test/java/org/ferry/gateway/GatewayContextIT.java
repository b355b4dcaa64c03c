package org.ferry.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ferry.gateway.testing.TestGateway;
import org.ferry.testing.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The gateway gets only what it uses from the starter: it runs no operations, so it has no {@code
 * OperationRunner}, by its class path, not by a setting; it reads the registry, so it checks it.
 */
class GatewayContextIT {

  private static final String RUNNER = "org.ferry.work.OperationRunner";

  @Test
  void hasNoOperationRunnerButChecksTheRegistryItReads(@TempDir Path root) {
    // given the gateway as it is deployed, with no setting that switches anything off
    var properties =
        TestGateway.properties(
            root.resolve("nas"), root.resolve("db/operations"), TestBroker.shared().amqpUri());
    properties.put("server.port", "0");
    var arguments =
        properties.entrySet().stream()
            .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new);

    // when it starts
    try (var context = new SpringApplicationBuilder(ApiGatewayApplication.class).run(arguments)) {

      // then no bean runs operations, and the worker runtime is not even on its class path
      assertThat(ClassUtils.isPresent(RUNNER, null)).isFalse();
      assertThat(context.getBeanDefinitionNames())
          .noneMatch(name -> typeName(context, name).equals(RUNNER));
      assertThat(context.getBean(HealthContributorRegistry.class).getContributor("registry"))
          .isNotNull();
    }
  }

  private static String typeName(ApplicationContext context, String bean) {
    var type = context.getType(bean);
    return type == null ? "" : type.getName();
  }
}
