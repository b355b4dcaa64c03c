package org.ferry.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every Ferry service shares, as lowest-priority defaults: publisher confirms and returns,
 * container-managed acks with a small prefetch, the broker and registry from the local environment,
 * and the actuator endpoints that health checks and Prometheus use.
 */
public final class FerryDefaults implements EnvironmentPostProcessor, Ordered {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("spring.rabbitmq.addresses", "${FERRY_AMQP_URI:amqp://127.0.0.1:5672/ferry}");
    defaults.put("spring.rabbitmq.publisher-confirm-type", "correlated");
    defaults.put("spring.rabbitmq.publisher-returns", "true");
    defaults.put("spring.rabbitmq.template.mandatory", "true");
    defaults.put("spring.rabbitmq.listener.simple.acknowledge-mode", "auto");
    defaults.put("spring.rabbitmq.listener.simple.prefetch", "1");
    defaults.put("spring.rabbitmq.listener.simple.default-requeue-rejected", "true");
    defaults.put("spring.rabbitmq.listener.simple.missing-queues-fatal", "false");
    defaults.put("ferry.nas.root", "${FERRY_NAS_ROOT:var/nas}");
    defaults.put("ferry.registry.address", "${FERRY_REGISTRY:127.0.0.1:5000}");
    defaults.put("ferry.registry.username", "${FERRY_REGISTRY_USER:}");
    defaults.put("ferry.registry.password", "${FERRY_REGISTRY_PASSWORD:}");
    defaults.put("ferry.docker.host", "${DOCKER_HOST:unix:///var/run/docker.sock}");
    defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
    defaults.put("management.endpoint.health.probes.enabled", "true");
    defaults.put("management.endpoint.health.show-details", "always");
    // Readiness is every dependency this service has (broker, registry, Docker, database, ...):
    // a wildcard, because a group that names an indicator a service lacks fails its startup.
    defaults.put("management.endpoint.health.group.readiness.include", "*");
    defaults.put("management.endpoint.health.group.readiness.exclude", "livenessState");
    defaults.put(
        "management.metrics.distribution.percentiles-histogram.ferry.operation.duration", "true");
    // Pushes and exports take minutes: without a higher bound the buckets stop at 30 s.
    defaults.put(
        "management.metrics.distribution.minimum-expected-value.ferry.operation.duration", "100ms");
    defaults.put(
        "management.metrics.distribution.maximum-expected-value.ferry.operation.duration", "2h");
    defaults.put(
        "management.metrics.distribution.minimum-expected-value.ferry.operation.stage.duration",
        "10ms");
    defaults.put(
        "management.metrics.distribution.maximum-expected-value.ferry.operation.stage.duration",
        "2h");
    defaults.put(
        "management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
    defaults.put("management.metrics.tags.application", "${spring.application.name}");
    defaults.put("logging.pattern.level", "%5p [op=%X{operation:-}]");
    environment.getPropertySources().addLast(new MapPropertySource("ferryDefaults", defaults));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
