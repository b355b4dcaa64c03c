package org.ferry.metrics;

import static org.mockito.Mockito.mock;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ferry.boot.RegistryAutoConfiguration;
import org.ferry.contract.FileName;
import org.ferry.contract.PushRequested;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.messaging.MessagePublisher;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Source;
import org.ferry.work.OperationRunner;
import org.ferry.work.Outcome;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A Prometheus registry that holds one of every meter Ferry emits, each made by the production code
 * that makes it in a service, so tests can read the exact Prometheus names.
 */
final class EveryFerryMeter {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

  private EveryFerryMeter() {}

  /** The registry after one succeeded and one failed push, and one use of every other meter. */
  static PrometheusMeterRegistry registry() {
    var meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var runner =
        new OperationRunner(
            mock(MessagePublisher.class), meters, Clock.systemUTC(), "test", Duration.ofSeconds(1));
    runner.run(push(), (request, progress) -> new Outcome("pushed", Map.of()));
    runner.run(
        push(),
        (request, progress) -> {
          throw new PermanentFailure(
              "push", "the archive is not a gzip or tar file", "Fix it.", ReasonCodes.BAD_ARCHIVE);
        });
    FerryMeters.requested(meters, OperationKind.PUSH, Source.WATCHER).increment();
    FerryMeters.bytesRead(meters, OperationKind.PUSH).increment(1024);
    FerryMeters.bytesWritten(meters, OperationKind.PUSH).increment(1024);
    FerryMeters.stageDuration(meters, OperationKind.PUSH, "upload").record(Duration.ofSeconds(3));
    FerryMeters.watcherScan(meters).record(Duration.ofMillis(40));
    for (var outcome : FerryMeters.ArchiveOutcome.values()) {
      FerryMeters.watcherArchives(meters, outcome).increment();
    }
    record Backlog(int waiting, double oldestSeconds) {}
    FerryMeters.watcherBacklog(
        meters, new Backlog(1, 90), Backlog::waiting, Backlog::oldestSeconds);
    // Retries are bound where the registry client is made, so take it from its auto-configuration.
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RegistryAutoConfiguration.class))
        .withBean(io.micrometer.core.instrument.MeterRegistry.class, () -> meters)
        .run(context -> context.getBean(org.ferry.registry.RegistryWriter.class));
    return meters;
  }

  /** Every sample name (with its _total, _bucket, ... suffix) in a scrape of {@code meters}. */
  static Set<String> sampleNames(PrometheusMeterRegistry meters) {
    var names = new TreeSet<String>();
    meters
        .scrape()
        .lines()
        .filter(line -> !line.startsWith("#"))
        .map(SAMPLE::matcher)
        .filter(java.util.regex.Matcher::find)
        .forEach(matcher -> names.add(matcher.group(1)));
    return names;
  }

  private static PushRequested push() {
    return new PushRequested(
        OperationId.random(),
        Team.of("team-a"),
        Instant.now(),
        "alice",
        Source.WATCHER,
        FileName.of("hello.tar.gz"),
        ImageName.of("hello"),
        Tag.LATEST);
  }
}
