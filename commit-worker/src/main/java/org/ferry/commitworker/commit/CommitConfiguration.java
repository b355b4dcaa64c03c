package org.ferry.commitworker.commit;

import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.ferry.boot.docker.DockerProperties;
import org.ferry.commitworker.commit.docker.DockerHosts;
import org.ferry.commitworker.reservation.ReservationHosts;
import org.ferry.commitworker.reservation.ReservationLabels;
import org.ferry.registry.RegistryRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects the configured Docker hosts, with the daemon retry policy of {@code ferry.docker.*}. */
@Configuration(proxyBeanMethods = false)
class CommitConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CommitConfiguration.class);

  @Bean
  ReservationLabels reservationLabels(CommitProperties properties) {
    return new ReservationLabels(properties.labelPrefix());
  }

  @Bean
  ReservationHosts reservationHosts(
      CommitProperties properties,
      ReservationLabels labels,
      DockerProperties docker,
      MeterRegistry meters) {
    var template = RegistryRetry.create("docker-hosts", docker.attempts(), docker.backoff());
    var retries = RetryRegistry.ofDefaults();
    var retry = retries.retry(template.getName(), template::getRetryConfig);
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    var hosts =
        properties.hosts().stream()
            .map(
                host ->
                    DockerHosts.connect(
                        host.name(),
                        host.url(),
                        host.tlsCertPath(),
                        retry,
                        properties.listTimeout()))
            .toList();
    properties
        .hosts()
        .forEach(host -> log.info("reservation host={} url={}", host.name(), host.url()));
    return new ReservationHosts(hosts, labels, properties.listTimeout());
  }
}
