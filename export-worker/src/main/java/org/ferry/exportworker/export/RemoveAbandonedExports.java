package org.ferry.exportworker.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import org.ferry.failure.PermanentFailure;
import org.ferry.nas.NasLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Removes the temporary files of exports whose worker was killed before it could clean up: a failed
 * export removes its own, but a killed process cannot. Runs when the worker starts; files still
 * written to, by this or another worker, are younger than {@code ferry.export.abandoned-after}.
 */
@Service
class RemoveAbandonedExports {

  private static final Logger log = LoggerFactory.getLogger(RemoveAbandonedExports.class);

  private final NasLayout nas;
  private final Duration abandonedAfter;
  private final Clock clock;

  RemoveAbandonedExports(NasLayout nas, ExportProperties properties, Clock clock) {
    this.nas = nas;
    this.abandonedAfter = properties.abandonedAfter();
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    try {
      remove();
    } catch (UncheckedIOException e) {
      // The worker can still export once the NAS is back; the files are only hidden clutter.
      log.warn("Could not look for abandoned export files: {}", e.getMessage());
    }
  }

  /** Removes abandoned temporary files from every team's exported-images; returns how many. */
  int remove() {
    var before = clock.instant().minus(abandonedAfter);
    var removed = 0;
    for (var team : nas.teams()) {
      try (var folder = ExportFolder.open(nas, team)) {
        for (var name : folder.deleteOlder(StagedExport::isTemporary, before)) {
          log.info("team={} removed the abandoned export file {}", team, name);
          removed++;
        }
      } catch (PermanentFailure e) {
        // A team without an exported-images folder (or with a link there) has nothing to clean.
      } catch (IOException e) {
        log.warn("team={} could not clean its exported-images: {}", team, e.getMessage());
      }
    }
    return removed;
  }
}
