package org.ferry.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus files in deploy/prometheus pass promtool (config, rules, and the rules' unit
 * tests), scrape every service on its port, and read only metrics that exist.
 */
class PrometheusConfigTest {

  private static final Path ROOT = RepoRoot.find();
  private static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus");

  @Test
  void scrapeConfigPassesPromtool() {
    promtool("check", "config", "deploy/prometheus/prometheus.yml");
  }

  @Test
  void ruleFilesPassPromtool() {
    var command = new ArrayList<>(List.of("check", "rules"));
    command.addAll(filesIn("rules"));
    promtool(command.toArray(String[]::new));
  }

  @Test
  void alertsFireOnSyntheticSeriesAndNotOtherwise() {
    var command = new ArrayList<>(List.of("test", "rules"));
    command.addAll(filesIn("tests"));
    promtool(command.toArray(String[]::new));
  }

  @Test
  void everyRuleReadsMetricsThatExist() {
    // given what Ferry, RabbitMQ and the libraries really expose
    var known = new KnownMetrics(ROOT);

    // when every rule's expression is read
    Map<String, Object> unknown = new LinkedHashMap<>();
    for (var rule : KnownMetrics.rules(PROMETHEUS.resolve("rules"))) {
      var name = rule.containsKey("alert") ? rule.get("alert") : rule.get("record");
      var names = known.unknownIn((String) rule.get("expr"));
      if (!names.isEmpty()) {
        unknown.put((String) name, names);
      }
    }

    // then none reads a metric nothing exposes
    assertThat(unknown).as("rules reading metrics that nothing exposes").isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void scrapesEveryServiceOnItsPortAndTheBroker() throws IOException {
    // when the scrape config is read
    Map<String, Object> config;
    try (var in = Files.newInputStream(PROMETHEUS.resolve("prometheus.yml"))) {
      config = new Yaml().load(in);
    }
    Map<String, String> targets = new LinkedHashMap<>();
    Map<String, String> paths = new LinkedHashMap<>();
    for (var job : (List<Map<String, Object>>) config.get("scrape_configs")) {
      var staticConfigs = (List<Map<String, List<String>>>) job.get("static_configs");
      targets.put((String) job.get("job_name"), staticConfigs.get(0).get("targets").get(0));
      paths.put((String) job.get("job_name"), (String) job.get("metrics_path"));
    }

    // then each service has its own job on the port deploy/local gives it, and rules load
    assertThat(targets)
        .containsEntry("api-gateway", "127.0.0.1:8080")
        .containsEntry("push-worker", "127.0.0.1:8081")
        .containsEntry("commit-worker", "127.0.0.1:8082")
        .containsEntry("export-worker", "127.0.0.1:8083")
        .containsEntry("nas-watcher", "127.0.0.1:8084")
        .containsEntry("rabbitmq", "127.0.0.1:15692")
        .containsEntry("rabbitmq-queues", "127.0.0.1:15692");
    assertThat(paths)
        .containsEntry("api-gateway", "/actuator/prometheus")
        .containsEntry("nas-watcher", "/actuator/prometheus")
        .containsEntry("rabbitmq-queues", "/metrics/detailed");
    assertThat((List<String>) config.get("rule_files")).containsExactly("rules/*.yml");
  }

  private static List<String> filesIn(String folder) {
    try (var files = Files.list(PROMETHEUS.resolve(folder))) {
      var names =
          files
              .filter(file -> file.toString().endsWith(".yml"))
              .map(file -> ROOT.relativize(file).toString())
              .sorted()
              .toList();
      assertThat(names).as("YAML files in deploy/prometheus/" + folder).isNotEmpty();
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs promtool in the checkout's root and fails with its output unless it succeeds. */
  private static void promtool(String... args) {
    var command = new ArrayList<String>();
    command.add("promtool");
    command.addAll(List.of(args));
    Process process;
    try {
      process =
          new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      fail(
          "promtool is not installed: install Debian's prometheus package"
              + " (deploy/local/infra does). "
              + e.getMessage());
      return;
    }
    try {
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within 60 s:\n" + output);
      }
      assertThat(process.exitValue())
          .as("%s failed:%n%s", String.join(" ", command), output)
          .isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while promtool ran", e);
    }
  }
}
