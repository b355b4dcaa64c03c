package org.ferry.watcher;

import java.time.Duration;
import java.util.Set;
import org.ferry.image.Team;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the watcher polls the teams' {@code push-images} folders ({@code ferry.watcher.*}).
 *
 * @param interval pause between two scans; NFS delivers no change events, so the watcher polls
 * @param quietPeriod how long an archive's size, modification time and identity must stay unchanged
 *     before it counts as completely written
 * @param disabledTeams teams whose archives are never pushed automatically (the Push button still
 *     works); a team can also switch itself off with the marker file {@code
 *     push-images/.ferry-no-auto-push}
 * @param completedRetention how long the records of finished pushes are kept, so that a redelivered
 *     request is still answered with its result
 */
@ConfigurationProperties("ferry.watcher")
record WatcherProperties(
    Duration interval, Duration quietPeriod, Set<Team> disabledTeams, Duration completedRetention) {

  WatcherProperties {
    interval = positiveOr(interval, Duration.ofSeconds(2), "interval");
    quietPeriod = quietPeriod == null ? Duration.ofSeconds(5) : quietPeriod;
    if (quietPeriod.isNegative()) {
      throw new IllegalArgumentException("ferry.watcher.quiet-period must not be negative");
    }
    disabledTeams = disabledTeams == null ? Set.of() : Set.copyOf(disabledTeams);
    completedRetention = positiveOr(completedRetention, Duration.ofDays(7), "completed-retention");
  }

  private static Duration positiveOr(Duration value, Duration fallback, String key) {
    if (value == null) {
      return fallback;
    }
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("ferry.watcher." + key + " must be positive");
    }
    return value;
  }
}
