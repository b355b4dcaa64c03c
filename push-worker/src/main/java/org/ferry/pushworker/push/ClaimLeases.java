package org.ferry.pushworker.push;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Renews the lease of every claim a push is working on, so the NAS watcher can tell a long push
 * from an archive whose worker died: a claim whose lease stops being renewed is given back.
 */
@Component
class ClaimLeases implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ClaimLeases.class);

  private final ArchiveClaims claims;
  private final Duration every;
  private final ScheduledExecutorService renewer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            var thread = new Thread(runnable, "claim-leases");
            thread.setDaemon(true);
            return thread;
          });

  ClaimLeases(ArchiveClaims claims, PushProperties properties) {
    this.claims = claims;
    this.every = properties.leaseRenewal();
  }

  /** Keeps {@code claim}'s lease renewed until the returned lease is closed. */
  Lease hold(Claim claim) {
    claims.renewLease(claim);
    var renewal =
        renewer.scheduleWithFixedDelay(
            () -> {
              try {
                claims.renewLease(claim);
              } catch (RuntimeException e) {
                log.warn(
                    "operation={} could not renew its claim: {}",
                    claim.operationId(),
                    e.getMessage());
              }
            },
            every.toMillis(),
            every.toMillis(),
            TimeUnit.MILLISECONDS);
    return () -> renewal.cancel(false);
  }

  @Override
  public void destroy() {
    renewer.shutdownNow();
  }

  /** A renewed lease; closing it stops the renewals. */
  interface Lease extends AutoCloseable {
    @Override
    void close();
  }
}
