package org.ferry.watcher;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ferry.failure.FerryFailure;
import org.ferry.image.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One pass over every team's {@code push-images}: archives that have been quiet long enough are
 * handed to {@link PublishArchive}; archives that failed before and were not replaced, and teams
 * that switched automatic push off, are left alone.
 */
@Component
class ScanPushFolders {

  private static final Logger log = LoggerFactory.getLogger(ScanPushFolders.class);

  private final PushFolders folders;
  private final SkippedFilesNote skippedNote;
  private final PublishArchive publishArchive;
  private final WatcherProperties properties;
  private final WatcherMetrics metrics;
  private final Clock clock;
  private final ArchiveObservations observations;
  private final Set<Team> switchedOff = new HashSet<>();
  private final Map<Team, String> troubles = new HashMap<>();

  ScanPushFolders(
      PushFolders folders,
      SkippedFilesNote skippedNote,
      PublishArchive publishArchive,
      WatcherProperties properties,
      WatcherMetrics metrics,
      Clock clock) {
    this.folders = folders;
    this.skippedNote = skippedNote;
    this.publishArchive = publishArchive;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
    this.observations = new ArchiveObservations(properties.quietPeriod());
  }

  /** Scans every team once; called by one thread at a time. */
  void scan() {
    metrics.scans().record(this::scanAllTeams);
  }

  private void scanAllTeams() {
    var present = new HashSet<Path>();
    var skipped = new ArrayList<SkippedFile>();
    for (var team : folders.teams()) {
      try {
        scanTeam(team, present, skipped);
        troubles.remove(team);
      } catch (RuntimeException e) {
        // One team's broken folder must not stop the others; the next scan tries it again, and
        // what was seen of the team before still counts towards the quiet period.
        present.addAll(observations.observedUnder(folders.pushImagesPath(team)));
        var trouble = String.valueOf(e.getMessage());
        if (!trouble.equals(troubles.put(team, trouble))) {
          // A FerryFailure already says what to do; anything else needs its stack trace.
          log.warn(
              "team={} cannot be scanned: {}", team, trouble, e instanceof FerryFailure ? null : e);
        }
      }
    }
    observations.retainOnly(present);
    var oldest =
        observations
            .oldestFirstSeen()
            .map(firstSeen -> Duration.between(firstSeen, clock.instant()))
            .orElse(Duration.ZERO);
    metrics.backlog(observations.waiting(), oldest);
    metrics.skipped(skipped);
  }

  private void scanTeam(Team team, Set<Path> present, List<SkippedFile> skipped) {
    if (properties.disabledTeams().contains(team)) {
      autoPushOn(team, true);
      return;
    }
    var folder = folders.read(team);
    if (!autoPushOn(team, folder.autoPushOff())) {
      return;
    }
    skippedNote.update(team, folder.skipped());
    skipped.addAll(folder.skipped());
    for (var archive : folder.archives()) {
      if (folder.errorNote(archive).filter(archive::isCoveredByErrorNote).isPresent()) {
        continue;
      }
      present.add(archive.path());
      try {
        switch (observations.observe(archive, clock.instant())) {
          case NEW -> metrics.seen();
          case CHANGING -> {}
          case COMPLETE -> take(archive);
        }
      } catch (RuntimeException e) {
        // One archive that cannot be taken must not hold up the team's others.
        observations.forget(archive.path());
        log.warn("team={} file={} could not be taken: {}", team, archive.name(), e.getMessage(), e);
      }
    }
  }

  private void take(ArchiveFile archive) {
    switch (publishArchive.publish(archive)) {
      case PUBLISHED -> {
        metrics.published();
        observations.forget(archive.path());
      }
      case REJECTED -> {
        metrics.rejected();
        observations.forget(archive.path());
      }
      case DEFERRED -> {
        metrics.deferred();
        observations.waitAgain(archive.path(), clock.instant());
      }
      case GONE -> observations.forget(archive.path());
    }
  }

  private boolean autoPushOn(Team team, boolean switchedOffHere) {
    var on = !switchedOffHere;
    if (on ? switchedOff.remove(team) : switchedOff.add(team)) {
      log.info("team={} automatic push is {}", team, on ? "on" : "off");
    }
    return on;
  }
}
