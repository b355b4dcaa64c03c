package org.ferry.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.ferry.boot.ClockAutoConfiguration;
import org.ferry.contract.FileName;
import org.ferry.contract.PushRequested;
import org.ferry.image.ImageName;
import org.ferry.image.Tag;
import org.ferry.image.Team;
import org.ferry.messaging.FerryDefaults;
import org.ferry.messaging.MessagePublisher;
import org.ferry.operation.OperationId;
import org.ferry.operation.Source;
import org.ferry.work.OperationRunner;
import org.ferry.work.Outcome;
import org.ferry.work.WorkerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Ferry's defaults give the duration histogram buckets that resolve operations of minutes. */
class OperationDurationBucketsTest {

  private static final Pattern BUCKET =
      Pattern.compile(
          "(?m)^ferry_operation_duration_seconds_bucket\\{application=\"push-worker\","
              + "operation=\"push\",outcome=\"succeeded\",le=\"([0-9.]+)\"} (\\d+)$");

  @Test
  void aFortyMinutePushLandsInAFiniteBucket() {
    // given a service with Ferry's defaults and a clock the test moves
    var clock = new MockClock();
    var service =
        new ApplicationContextRunner()
            .withInitializer(
                app -> {
                  new FerryDefaults()
                      .postProcessEnvironment(app.getEnvironment(), new SpringApplication());
                  // As SpringApplication does, so "1s" binds to a Duration.
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
                    WorkerAutoConfiguration.class))
            .withBean("testMicrometerClock", io.micrometer.core.instrument.Clock.class, () -> clock)
            .withBean(MessagePublisher.class, () -> mock(MessagePublisher.class));

    service.run(
        context -> {
          // when a push takes forty minutes
          context
              .getBean(OperationRunner.class)
              .run(
                  push(),
                  (request, progress) -> {
                    clock.add(40, TimeUnit.MINUTES);
                    return new Outcome("pushed", Map.of());
                  });

          // then the first bucket that holds it is finite, above 40 minutes and below 2 hours
          var buckets = buckets(context.getBean(PrometheusMeterRegistry.class).scrape());
          var first =
              buckets.stream()
                  .filter(bucket -> bucket.count() == 1)
                  .findFirst()
                  .orElseThrow(
                      () -> new AssertionError("Only +Inf holds a 40-minute push: " + buckets));
          assertThat(first.upperBound())
              .isGreaterThanOrEqualTo(Duration.ofMinutes(40).toSeconds())
              .isLessThanOrEqualTo(Duration.ofHours(2).toSeconds());
          // and the series stays affordable
          assertThat(buckets).hasSizeLessThan(80);
        });
  }

  private record Bucket(double upperBound, long count) {}

  private static List<Bucket> buckets(String scrape) {
    return BUCKET
        .matcher(scrape)
        .results()
        .map(m -> new Bucket(Double.parseDouble(m.group(1)), Long.parseLong(m.group(2))))
        .toList();
  }

  private static PushRequested push() {
    return new PushRequested(
        OperationId.random(),
        Team.of("team-a"),
        Instant.now(),
        "alice",
        Source.API,
        FileName.of("hello.tar.gz"),
        ImageName.of("hello"),
        Tag.LATEST);
  }
}
