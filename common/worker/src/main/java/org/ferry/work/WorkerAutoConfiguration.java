package org.ferry.work;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.ferry.boot.ClockAutoConfiguration;
import org.ferry.messaging.MessagePublisher;
import org.ferry.messaging.MessagingAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The operation runner every worker runs its use cases with. */
@AutoConfiguration(after = {MessagingAutoConfiguration.class, ClockAutoConfiguration.class})
public class WorkerAutoConfiguration {

  @Bean
  OperationRunner operationRunner(
      MessagePublisher publisher,
      MeterRegistry meters,
      Clock clock,
      @Value("${spring.application.name:ferry}") String worker,
      @Value("${ferry.progress-interval:1s}") Duration progressInterval) {
    return new OperationRunner(publisher, meters, clock, worker, progressInterval);
  }
}
