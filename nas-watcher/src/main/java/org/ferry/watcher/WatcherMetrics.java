package org.ferry.watcher;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ferry.metrics.FerryMetrics;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Source;
import org.springframework.stereotype.Component;

/**
 * The watcher's meters: scan duration, archives seen, rejected, published and deferred, the backlog
 * in {@code push-images} and the age of its oldest archive, the files whose name it cannot take,
 * the claims it gave back, and the push requests it made.
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
  private final Map<String, AtomicInteger> skipped = new ConcurrentHashMap<>();
  private final Counter claimsGivenBack;

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
    for (var reason : List.of(SkippedFile.NOT_UTF8, SkippedFile.TOO_LONG, SkippedFile.INVALID)) {
      var count = new AtomicInteger();
      skipped.put(reason, count);
      Gauge.builder(FerryMetrics.WATCHER_SKIPPED, count, AtomicInteger::get)
          .description("Archives in push-images whose name Ferry cannot take")
          .tag(FerryMetrics.TAG_REASON, reason)
          .register(meters);
    }
    claimsGivenBack =
        Counter.builder(FerryMetrics.WATCHER_CLAIMS_GIVEN_BACK)
            .description("Claimed archives given back because no worker finished them in time")
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

  void skipped(List<SkippedFile> files) {
    skipped.forEach(
        (reason, count) ->
            count.set((int) files.stream().filter(file -> file.reason().equals(reason)).count()));
  }

  void claimsGivenBack(int claims) {
    claimsGivenBack.increment(claims);
  }

  private static Counter archives(MeterRegistry meters, String outcome) {
    return Counter.builder(FerryMetrics.WATCHER_ARCHIVES)
        .description("Archives the watcher saw, rejected, published or put back for later")
        .tag(FerryMetrics.TAG_OUTCOME, outcome)
        .register(meters);
  }
}
