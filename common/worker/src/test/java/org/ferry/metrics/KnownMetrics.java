package org.ferry.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ferry.testing.ServiceMeterNames;
import org.yaml.snakeyaml.Yaml;

/**
 * The metric names Ferry's rules and dashboard may read: what Ferry's meters become in Prometheus
 * (scraped from the production code), the recording rules, and what RabbitMQ, resilience4j and
 * Spring's HTTP server metrics expose.
 */
final class KnownMetrics {

  /** The families the rabbitmq-queues job asks for, as RabbitMQ 3.10.8 names them. */
  private static final Set<String> RABBITMQ_DETAILED =
      Set.of(
          "rabbitmq_detailed_queue_messages",
          "rabbitmq_detailed_queue_messages_ready",
          "rabbitmq_detailed_queue_messages_unacked",
          "rabbitmq_detailed_queue_process_reductions_total",
          "rabbitmq_detailed_queue_consumers");

  private static final Set<String> HTTP_SERVER =
      Set.of(
          "http_server_requests_seconds_bucket",
          "http_server_requests_seconds_count",
          "http_server_requests_seconds_sum",
          "http_server_requests_seconds_max");

  private final Set<String> exact = new HashSet<>();

  KnownMetrics(Path repoRoot) {
    exact.addAll(EveryFerryMeter.sampleNames(EveryFerryMeter.registry()));
    exact.addAll(ServiceMeterNames.WATCHER);
    exact.addAll(RABBITMQ_DETAILED);
    exact.addAll(HTTP_SERVER);
    exact.add("up");
    exact.addAll(recordedNames(repoRoot.resolve("deploy/prometheus/rules")));
  }

  /** The names in {@code expr} that no service, broker or recording rule exposes. */
  Set<String> unknownIn(String expr) {
    return PromQl.metricNames(expr).stream()
        .filter(name -> !isKnown(name))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private boolean isKnown(String name) {
    if (exact.contains(name)) {
      return true;
    }
    var otherRabbitMq = name.startsWith("rabbitmq_") && !name.startsWith("rabbitmq_detailed_");
    return otherRabbitMq || name.startsWith("resilience4j_");
  }

  /** Every {@code expr} of every rule in the rule files under {@code rulesDir}. */
  static List<Map<String, Object>> rules(Path rulesDir) {
    try (var files = Files.list(rulesDir)) {
      return files
          .filter(file -> file.toString().endsWith(".yml"))
          .sorted()
          .flatMap(file -> rulesOf(file).stream())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rulesOf(Path file) {
    try (var in = Files.newInputStream(file)) {
      Map<String, Object> doc = new Yaml().load(in);
      var groups = (List<Map<String, Object>>) doc.get("groups");
      return groups.stream()
          .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> recordedNames(Path rulesDir) {
    return rules(rulesDir).stream()
        .filter(rule -> rule.containsKey("record"))
        .map(rule -> (String) rule.get("record"))
        .collect(Collectors.toSet());
  }
}
