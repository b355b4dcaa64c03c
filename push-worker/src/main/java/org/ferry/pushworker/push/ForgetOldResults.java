package org.ferry.pushworker.push;

import org.ferry.nas.ArchiveClaims;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the records of pushes finished longer ago than {@code ferry.push.result-retention}, so
 * Ferry's work folder does not grow forever; no broker redelivers a message that old.
 */
@Component
class ForgetOldResults {

  private final ArchiveClaims claims;
  private final PushProperties properties;

  ForgetOldResults(ArchiveClaims claims, PushProperties properties) {
    this.claims = claims;
    this.properties = properties;
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
  void forget() {
    claims.forgetCompletedOlderThan(properties.resultRetention());
  }
}
