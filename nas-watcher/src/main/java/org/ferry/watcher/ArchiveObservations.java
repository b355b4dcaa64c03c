package org.ferry.watcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the watcher saw of each archive on earlier scans, kept in memory, to tell a completely
 * written archive from one still being copied: complete means size, modification time and file
 * identity unchanged for the quiet period.
 *
 * <p>Nothing is persisted: after a restart every archive waits one more quiet period, which only
 * delays it.
 */
final class ArchiveObservations {

  /** What one more look at an archive tells. */
  enum State {
    /** Not seen before (or replaced by another file under the same name). */
    NEW,
    /** Changed within the quiet period: still being written, or not yet quiet for long enough. */
    CHANGING,
    /** Unchanged for the quiet period. */
    COMPLETE
  }

  private record Observation(
      long size, Instant modified, Object identity, Instant quietSince, Instant firstSeen) {

    boolean sameFile(ArchiveFile file) {
      return Objects.equals(identity, file.identity());
    }

    boolean unchanged(ArchiveFile file) {
      return sameFile(file) && size == file.size() && modified.equals(file.modified());
    }
  }

  private final Duration quietPeriod;
  private final Map<Path, Observation> observations = new HashMap<>();

  ArchiveObservations(Duration quietPeriod) {
    this.quietPeriod = quietPeriod;
  }

  /** Records what {@code file} looks like at {@code now} and tells whether it is complete. */
  State observe(ArchiveFile file, Instant now) {
    var previous = observations.get(file.path());
    if (previous == null || !previous.sameFile(file)) {
      observations.put(file.path(), observationOf(file, now, now));
      return State.NEW;
    }
    if (!previous.unchanged(file)) {
      observations.put(file.path(), observationOf(file, now, previous.firstSeen()));
      return State.CHANGING;
    }
    return now.isBefore(previous.quietSince().plus(quietPeriod)) ? State.CHANGING : State.COMPLETE;
  }

  /**
   * Makes a complete archive wait one more quiet period, after it was put back because its request
   * could not be sent.
   */
  void waitAgain(Path path, Instant now) {
    observations.computeIfPresent(
        path,
        (key, seen) ->
            new Observation(seen.size(), seen.modified(), seen.identity(), now, seen.firstSeen()));
  }

  /** Drops an archive that was taken, rejected or is no longer there. */
  void forget(Path path) {
    observations.remove(path);
  }

  /** Drops every archive not in {@code present}, so that memory follows the folders. */
  void retainOnly(Set<Path> present) {
    observations.keySet().retainAll(present);
  }

  /** The archives observed under {@code folder}, for a scan that could not read that folder. */
  Set<Path> observedUnder(Path folder) {
    return observations.keySet().stream()
        .filter(path -> path.startsWith(folder))
        .collect(java.util.stream.Collectors.toSet());
  }

  /** How many archives are waiting to be taken. */
  int waiting() {
    return observations.size();
  }

  /** When the watcher first saw the archive that has waited longest. */
  Optional<Instant> oldestFirstSeen() {
    return observations.values().stream().map(Observation::firstSeen).min(Instant::compareTo);
  }

  private static Observation observationOf(ArchiveFile file, Instant now, Instant firstSeen) {
    return new Observation(file.size(), file.modified(), file.identity(), now, firstSeen);
  }
}
