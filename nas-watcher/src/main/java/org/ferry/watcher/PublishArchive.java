package org.ferry.watcher;

import java.nio.file.Files;
import java.time.Clock;
import org.ferry.archive.ArchiveInspector;
import org.ferry.archive.ArchiveSummary;
import org.ferry.contract.PushRequested;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageName;
import org.ferry.messaging.MessagePublisher;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.Claim;
import org.ferry.operation.OperationId;
import org.ferry.operation.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns one complete archive into one push request: checks its name, claims it (the rename into
 * Ferry's folder is the quarantine: links are rejected there, and a claimed archive is never
 * published again), checks the claimed archive cheaply, and publishes the request.
 *
 * <p>A bad archive goes back with an {@code .error} note; an archive whose request could not be
 * sent goes back without one and is tried again on a later scan.
 */
@Component
class PublishArchive {

  /** What became of the archive. */
  enum Outcome {
    PUBLISHED,
    REJECTED,
    DEFERRED,
    GONE
  }

  static final String REQUESTED_BY = "nas-watcher";

  private static final Logger log = LoggerFactory.getLogger(PublishArchive.class);

  private final ArchiveClaims claims;
  private final ArchiveInspector inspector;
  private final MessagePublisher publisher;
  private final Clock clock;

  PublishArchive(
      ArchiveClaims claims, ArchiveInspector inspector, MessagePublisher publisher, Clock clock) {
    this.claims = claims;
    this.inspector = inspector;
    this.publisher = publisher;
    this.clock = clock;
  }

  Outcome publish(ArchiveFile archive) {
    ImageName image;
    try {
      image = ArchiveNaming.imageName(archive.name());
    } catch (PermanentFailure e) {
      claims.writeError(archive.team(), archive.name(), e.getMessage());
      return rejected(archive, e);
    }
    Claim claim;
    try {
      claim = claims.claim(archive.team(), archive.name(), OperationId.random());
    } catch (PermanentFailure e) {
      if (ReasonCodes.BAD_ARCHIVE.equals(e.reasonCode())) {
        return rejected(archive, e); // a link: the claim gave it back with its note
      }
      log.debug("team={} file={} was taken by someone else: {}", archive.team(), archive.name(), e);
      return Outcome.GONE;
    }
    ArchiveSummary summary;
    try {
      summary = inspect(claim);
    } catch (PermanentFailure e) {
      claims.release(claim, e.getMessage());
      return rejected(archive, e);
    } catch (RuntimeException e) {
      return deferred(claim, "could not be read", e);
    }
    var request =
        new PushRequested(
            claim.operationId(),
            archive.team(),
            clock.instant(),
            REQUESTED_BY,
            Source.WATCHER,
            archive.name(),
            image,
            ArchiveNaming.tag(summary.repoTags()));
    try {
      publisher.publish(request);
    } catch (RuntimeException e) {
      return deferred(claim, "could not be requested", e);
    }
    log.info(
        "operation={} team={} kind=push status=QUEUED source=watcher file={} image={}:{}",
        request.operationId(),
        request.team(),
        request.file(),
        request.image(),
        request.tag());
    return Outcome.PUBLISHED;
  }

  private ArchiveSummary inspect(Claim claim) {
    if (!Files.isReadable(claim.archive())) {
      throw new PermanentFailure(
          "push " + claim.file(),
          "Ferry is not allowed to read it",
          "Make it readable for your team's group (chmod g+r); it is picked up again then.",
          ReasonCodes.BAD_ARCHIVE);
    }
    return inspector.inspect(claim.archive());
  }

  private Outcome rejected(ArchiveFile archive, PermanentFailure failure) {
    log.info(
        "team={} file={} status=REJECTED reason={} {}",
        archive.team(),
        archive.name(),
        failure.reasonCode(),
        failure.getMessage());
    return Outcome.REJECTED;
  }

  private Outcome deferred(Claim claim, String what, RuntimeException cause) {
    claims.unclaim(claim);
    log.warn(
        "team={} file={} {} and was put back to be tried again: {}",
        claim.team(),
        claim.file(),
        what,
        cause.getMessage());
    return Outcome.DEFERRED;
  }
}
