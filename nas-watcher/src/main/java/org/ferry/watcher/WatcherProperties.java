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
 * @param staleClaimAfter how long a claimed archive may go without a result and without its worker
 *     renewing the claim's lease before it is given back to the team (checked at start-up and then
 *     regularly); longer than the longest wait in the push queue
 */
@ConfigurationProperties("ferry.watcher")
record WatcherProperties(
    Duration interval,
    Duration quietPeriod,
    Set<Team> disabledTeams,
    Duration completedRetention,
    Duration staleClaimAfter) {

  WatcherProperties {
    interval = positiveOr(interval, Duration.ofSeconds(2), "interval");
    quietPeriod = quietPeriod == null ? Duration.ofSeconds(5) : quietPeriod;
    if (quietPeriod.isNegative()) {
      throw new IllegalArgumentException("ferry.watcher.quiet-period must not be negative");
    }
    disabledTeams = disabledTeams == null ? Set.of() : Set.copyOf(disabledTeams);
    completedRetention = positiveOr(completedRetention, Duration.ofDays(7), "completed-retention");
    staleClaimAfter = positiveOr(staleClaimAfter, Duration.ofHours(1), "stale-claim-after");
  }

  /** How often stale claims are looked for: often enough to notice one soon after its time. */
  Duration staleClaimCheck() {
    var half = staleClaimAfter.dividedBy(2);
    return half.compareTo(Duration.ofMinutes(1)) < 0 ? half : Duration.ofMinutes(1);
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
