package org.ferry.watcher;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ferry.metrics.FerryMetrics;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Source;
import org.springframework.stereotype.Component;

/**
 * The watcher's meters: scan duration, archives seen, rejected, published and deferred, the backlog
 * in {@code push-images} and the age of its oldest archive, and the push requests it made.
 */
@Component
class WatcherMetrics {

  private final Timer scans;
  private final Counter seen;
  private final Counter rejected;
  private final Counter published;
  private final Counter deferred;
  private final Counter requested;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicLong oldestWaitingMillis = new AtomicLong();

  WatcherMetrics(MeterRegistry meters) {
    scans =
        Timer.builder(FerryMetrics.WATCHER_SCAN)
            .description("Time to scan every team's push-images once")
            .register(meters);
    seen = archives(meters, FerryMetrics.OUTCOME_SEEN);
    rejected = archives(meters, FerryMetrics.OUTCOME_REJECTED);
    published = archives(meters, FerryMetrics.OUTCOME_PUBLISHED);
    deferred = archives(meters, FerryMetrics.OUTCOME_DEFERRED);
    requested =
        Counter.builder(FerryMetrics.REQUESTED)
            .description("Operations requested")
            .tag(FerryMetrics.TAG_OPERATION, OperationKind.PUSH.label())
            .tag(FerryMetrics.TAG_SOURCE, Source.WATCHER.label())
            .register(meters);
    Gauge.builder(FerryMetrics.WATCHER_WAITING, waiting, AtomicInteger::get)
        .description("Archives in push-images that are not yet taken")
        .register(meters);
    TimeGauge.builder(
            FerryMetrics.WATCHER_OLDEST_WAITING,
            oldestWaitingMillis,
            TimeUnit.MILLISECONDS,
            AtomicLong::get)
        .description("How long the oldest archive not yet taken has been waiting")
        .register(meters);
  }

  Timer scans() {
    return scans;
  }

  void seen() {
    seen.increment();
  }

  void rejected() {
    rejected.increment();
  }

  void published() {
    published.increment();
    requested.increment();
  }

  void deferred() {
    deferred.increment();
  }

  void backlog(int archives, Duration oldest) {
    waiting.set(archives);
    oldestWaitingMillis.set(oldest.toMillis());
  }

  private static Counter archives(MeterRegistry meters, String outcome) {
    return Counter.builder(FerryMetrics.WATCHER_ARCHIVES)
        .description("Archives the watcher saw, rejected, published or put back for later")
        .tag(FerryMetrics.TAG_OUTCOME, outcome)
        .register(meters);
  }
}
