package org.ferry.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ferry.testing.ServiceMeterNames;
import org.junit.jupiter.api.Test;

/** The watcher's real meters scrape as exactly the names the dashboard and alert tests accept. */
class WatcherMeterNamesTest {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

  @Test
  void scrapesAsThePinnedNames() {
    // given the watcher's meters, each used once
    var meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var metrics = new WatcherMetrics(meters);
    metrics.seen();
    metrics.rejected();
    metrics.published();
    metrics.deferred();
    metrics.backlog(1, Duration.ofSeconds(90));
    metrics.skipped(List.of());
    metrics.claimsGivenBack(1);

    // when scraped
    var names = new TreeSet<String>();
    meters
        .scrape()
        .lines()
        .filter(line -> !line.startsWith("#"))
        .map(SAMPLE::matcher)
        .filter(java.util.regex.Matcher::find)
        .forEach(matcher -> names.add(matcher.group(1)));

    // then
    assertThat(names).containsExactlyInAnyOrderElementsOf(ServiceMeterNames.WATCHER);
  }
}
