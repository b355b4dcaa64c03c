package org.ferry.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/grafana/ferry-dashboard.json is importable and every panel queries metrics that exist. */
class GrafanaDashboardTest {

  private static final Path ROOT = RepoRoot.find();
  private static JsonNode dashboard;
  private static KnownMetrics known;

  @BeforeAll
  static void read() throws IOException {
    dashboard =
        new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/ferry-dashboard.json").toFile());
    known = new KnownMetrics(ROOT);
  }

  @Test
  void isADashboardWithAPrometheusDatasourceVariable() {
    assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
    assertThat(dashboard.path("uid").asText()).isNotBlank();
    var variables = dashboard.path("templating").path("list");
    assertThat(variables)
        .anySatisfy(
            variable -> {
              assertThat(variable.path("name").asText()).isEqualTo("DS_PROMETHEUS");
              assertThat(variable.path("type").asText()).isEqualTo("datasource");
              assertThat(variable.path("query").asText()).isEqualTo("prometheus");
            });
  }

  @Test
  void everyPanelQueriesThroughTheVariableAndHasUniqueIdAndPlace() {
    var ids = new HashSet<Integer>();
    for (var panel : queryPanels()) {
      assertThat(panel.path("datasource").path("uid").asText())
          .as(panel.path("title").asText())
          .isEqualTo("${DS_PROMETHEUS}");
      assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
      assertThat(ids.add(panel.path("id").asInt()))
          .as("unique id of " + panel.path("title"))
          .isTrue();
    }
    assertNoOverlap(allPanels());
  }

  @Test
  void everyTargetReadsMetricsThatExist() {
    // when each panel's expressions are read
    Map<String, Set<String>> unknown = new LinkedHashMap<>();
    for (var panel : queryPanels()) {
      for (var target : panel.path("targets")) {
        var expr = target.path("expr").asText();
        assertThat(PromQl.metricNames(expr)).as("metrics in " + expr).isNotEmpty();
        var names = known.unknownIn(expr);
        if (!names.isEmpty()) {
          unknown.put(panel.path("title").asText() + ": " + expr, names);
        }
      }
    }

    // then none reads a metric nothing exposes
    assertThat(unknown).as("panels reading metrics that nothing exposes").isEmpty();
  }

  @Test
  void showsWhatOperatorsWatch() {
    // the operations, throughput, queues, in-flight, failures, watcher backlog and retries
    var read = new HashSet<String>();
    for (var panel : queryPanels()) {
      for (var target : panel.path("targets")) {
        read.addAll(PromQl.metricNames(target.path("expr").asText()));
      }
    }
    assertThat(read)
        .contains(
            "ferry_operations_total",
            "ferry_operation_duration_seconds_bucket",
            "ferry_read_bytes_total",
            "ferry_written_bytes_total",
            "rabbitmq_detailed_queue_messages_ready",
            "rabbitmq_detailed_queue_messages",
            "ferry_operations_in_flight",
            "ferry_operation_oldest_running_seconds",
            "ferry_watcher_waiting_archives",
            "ferry_watcher_oldest_waiting_seconds",
            "resilience4j_retry_calls_total",
            "http_server_requests_seconds_bucket");
  }

  @Test
  void aMisspeltMetricIsCaught() {
    // the check above must be able to fail: a name one letter off is unknown
    assertThat(known.unknownIn("sum by (operation) (rate(ferry_operation_total[5m])) * 60"))
        .containsExactly("ferry_operation_total");
    assertThat(known.unknownIn("rabbitmq_detailed_queue_depth{queue=\"ferry.dead\"}"))
        .containsExactly("rabbitmq_detailed_queue_depth");
    assertThat(
            known.unknownIn(
                "histogram_quantile(0.95, sum by (le) (rate(ferry_operation_duration_seconds_bucket[$__rate_interval])))"))
        .isEmpty();
  }

  private static List<JsonNode> allPanels() {
    var panels = new ArrayList<JsonNode>();
    for (var panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  private static List<JsonNode> queryPanels() {
    var panels =
        allPanels().stream().filter(panel -> !"row".equals(panel.path("type").asText())).toList();
    assertThat(panels).isNotEmpty();
    return panels;
  }

  private static void assertNoOverlap(List<JsonNode> panels) {
    for (int i = 0; i < panels.size(); i++) {
      for (int j = i + 1; j < panels.size(); j++) {
        var a = panels.get(i).path("gridPos");
        var b = panels.get(j).path("gridPos");
        var overlap =
            a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
        assertThat(overlap)
            .as("%s overlaps %s", panels.get(i).path("title"), panels.get(j).path("title"))
            .isFalse();
      }
    }
  }
}
