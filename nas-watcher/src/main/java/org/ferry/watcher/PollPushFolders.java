package org.ferry.watcher;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ferry.nas.ArchiveClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the scan at start-up and then every interval on one thread, gives back stale claims, and
 * forgets finished pushes after their retention; stops before the broker connection closes.
 */
@Component
class PollPushFolders implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PollPushFolders.class);
  private static final Duration FORGET_EVERY = Duration.ofHours(1);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final ScanPushFolders scan;
  private final GiveBackStaleClaims giveBackStale;
  private final ArchiveClaims claims;
  private final WatcherProperties properties;
  private ScheduledExecutorService executor;

  PollPushFolders(
      ScanPushFolders scan,
      GiveBackStaleClaims giveBackStale,
      ArchiveClaims claims,
      WatcherProperties properties) {
    this.scan = scan;
    this.giveBackStale = giveBackStale;
    this.claims = claims;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              var thread = new Thread(runnable, "nas-watcher");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        () -> survive("scan push-images", scan::scan),
        0,
        properties.interval().toMillis(),
        TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(
        () -> survive("give back stale claims", giveBackStale::run),
        0,
        properties.staleClaimCheck().toMillis(),
        TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(
        () ->
            survive(
                "forget finished pushes",
                () -> claims.forgetCompletedOlderThan(properties.completedRetention())),
        0,
        FORGET_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    log.info(
        "Watching push-images every {} (quiet period {}; automatic push off for {})",
        properties.interval(),
        properties.quietPeriod(),
        properties.disabledTeams().isEmpty() ? "no team" : properties.disabledTeams());
  }

  @Override
  public synchronized void stop() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  private static void survive(String task, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      // A task that throws is never run again by the executor; the next run starts over instead.
      log.error("Could not {}: {}", task, e.getMessage(), e);
    }
  }
}
