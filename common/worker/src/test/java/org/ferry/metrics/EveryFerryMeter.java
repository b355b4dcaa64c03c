package org.ferry.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.ferry.boot.ClockAutoConfiguration;
import org.ferry.boot.RegistryAutoConfiguration;
import org.ferry.contract.FileName;
import org.ferry.contract.PushRequested;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.messaging.FerryDefaults;
import org.ferry.messaging.MessagePublisher;
import org.ferry.messaging.RecordingPublisher;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Source;
import org.ferry.operation.Stage;
import org.ferry.testing.MutableClock;
import org.ferry.work.OperationRunner;
import org.ferry.work.Outcome;
import org.ferry.work.WorkerAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Prometheus registry of a worker, built from the real auto-configurations and beans and used
 * the way a worker uses it, so tests read the exact Prometheus names workers emit. The watcher's
 * meters are pinned in {@link org.ferry.testing.ServiceMeterNames}, which the watcher's own test
 * checks against its real meters.
 */
final class EveryFerryMeter {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

  private EveryFerryMeter() {}

  /**
   * The registry of a worker built from the real auto-configurations, after one succeeded push
   * (checking 2 s, uploading 3 s) and one failed push, with the bytes meters push and export
   * workers count.
   */
  static PrometheusMeterRegistry registry() {
    var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    var held = new AtomicReference<PrometheusMeterRegistry>();
    new ApplicationContextRunner()
        .withInitializer(
            app -> {
              new FerryDefaults()
                  .postProcessEnvironment(app.getEnvironment(), new SpringApplication());
              app.getBeanFactory()
                  .setConversionService(ApplicationConversionService.getSharedInstance());
            })
        .withPropertyValues("spring.application.name=push-worker")
        .withConfiguration(
            AutoConfigurations.of(
                MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class,
                PrometheusMetricsExportAutoConfiguration.class,
                ClockAutoConfiguration.class,
                WorkerAutoConfiguration.class,
                RegistryAutoConfiguration.class))
        .withBean(Clock.class, () -> clock)
        .withBean(MessagePublisher.class, RecordingPublisher::new)
        .run(
            context -> {
              var runner = context.getBean(OperationRunner.class);
              runner.run(
                  push(),
                  (request, progress) -> {
                    progress.report(Stage.CHECKING, 0, 10);
                    clock.advance(Duration.ofSeconds(2));
                    progress.report(Stage.UPLOADING, 0, 10);
                    clock.advance(Duration.ofSeconds(3));
                    return new Outcome("pushed", Map.of());
                  });
              runner.run(
                  push(),
                  (request, progress) -> {
                    throw new PermanentFailure(
                        "push",
                        "the archive is not a gzip or tar file",
                        "Fix it.",
                        ReasonCodes.BAD_ARCHIVE);
                  });
              var meters = context.getBean(PrometheusMeterRegistry.class);
              FerryMeters.bytesRead(meters, OperationKind.PUSH).increment(1024);
              FerryMeters.bytesWritten(meters, OperationKind.EXPORT).increment(1024);
              // Retries are bound where the registry client is made.
              context.getBean(org.ferry.registry.RegistryWriter.class);
              held.set(meters);
            });
    return held.get();
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
