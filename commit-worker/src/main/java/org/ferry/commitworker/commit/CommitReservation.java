package org.ferry.commitworker.commit;

import java.util.Map;
import org.ferry.commitworker.reservation.ContainerHost;
import org.ferry.commitworker.reservation.LocatedReservation;
import org.ferry.commitworker.reservation.ReservationHosts;
import org.ferry.contract.CommitRequested;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageRef;
import org.ferry.image.NamespacePolicy;
import org.ferry.operation.Progress;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.VerifyPushed;
import org.ferry.work.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Commits a team's running reservation into {@code <registry>/<team>/<name>:<tag>}: checks again
 * that the reservation is the team's, snapshots its container, pushes the image, verifies the
 * registry serves the pushed digest, and always removes the local image it made.
 */
@Service
class CommitReservation {

  static final String COMMITTING = "committing";
  static final String UPLOADING = "uploading";

  private static final Logger log = LoggerFactory.getLogger(CommitReservation.class);

  private final ReservationHosts reservations;
  private final RegistryReader registry;
  private final VerifyPushed verifyPushed;
  private final CommitProperties properties;

  CommitReservation(
      ReservationHosts reservations, RegistryReader registry, CommitProperties properties) {
    this.reservations = reservations;
    this.registry = registry;
    this.verifyPushed = new VerifyPushed(registry);
    this.properties = properties;
  }

  public Outcome commit(CommitRequested request, Progress progress) {
    var action = "commit reservation " + request.reservationId();
    NamespacePolicy.requireWrite(
        request.team(), request.team(), action, "Commit into your own team's namespace.");
    var reservation = locate(request, action);
    var host = reservation.host();
    var ref =
        new ImageRef(registry.access().address(), request.team(), request.image(), request.tag());
    progress.report(COMMITTING, 0, -1);
    host.commit(
        reservation.container().id(),
        ref,
        properties.pause() && request.pause(),
        reservations.labels().cleared());
    try {
      requireStillRunning(reservation, action);
      progress.report(UPLOADING, 0, -1);
      var digest = host.push(ref, registry.access(), progress);
      verifyPushed.verify(action, ref, digest);
      var size = host.imageSize(ref.toString());
      return new Outcome(
          "Committed reservation "
              + reservation.labels().name()
              + " to "
              + ref
              + " ("
              + digest
              + ")",
          Map.of(
              "reference", ref.toString(),
              "digest", digest.value(),
              "size", Long.toString(size),
              "reservation", reservation.labels().id().value()));
    } finally {
      removeLocalImage(host, ref);
    }
  }

  /**
   * The team's own running reservation with this id. Another team's reservation is refused without
   * naming that team; several of the team's containers with one id are refused rather than guessed
   * between.
   */
  private LocatedReservation locate(CommitRequested request, String action) {
    var running = reservations.running(request.reservationId());
    var own = running.stream().filter(r -> r.labels().team().equals(request.team())).toList();
    if (own.size() == 1) {
      return own.get(0);
    }
    if (own.size() > 1) {
      throw new PermanentFailure(
          action,
          own.size() + " running containers carry this reservation id",
          "Ask the operators to check the reservation's labels.",
          ReasonCodes.CONFLICT);
    }
    if (!running.isEmpty()) {
      throw new PermanentFailure(
          action,
          "the reservation belongs to another team",
          "Choose one of your team's reservations.",
          ReasonCodes.FORBIDDEN);
    }
    throw new PermanentFailure(
        action,
        "reservation " + request.reservationId() + " is not active",
        "Choose a running reservation of your team from the list.",
        ReasonCodes.NOT_FOUND);
  }

  /**
   * A container that stopped or restarted while it was being committed may have been snapshotted
   * half-way through its own shutdown, so that image is not pushed.
   */
  private static void requireStillRunning(LocatedReservation reservation, String action) {
    var before = reservation.container();
    var now = reservation.host().inspect(before.id());
    if (now.isEmpty() || !now.get().isSameRunAs(before)) {
      throw new PermanentFailure(
          action,
          "the reservation ended while it was being committed, so nothing was pushed",
          "Start the reservation again and commit it while it runs.",
          ReasonCodes.NOT_FOUND);
    }
  }

  /**
   * Removes the committed image from the reservation's host, whatever the outcome. A failure to
   * remove it is logged, not thrown: it must not hide the operation's own result, and costs only
   * disk space on the host.
   */
  private static void removeLocalImage(ContainerHost host, ImageRef ref) {
    try {
      host.remove(ref.toString());
    } catch (FerryFailure failure) {
      log.warn(
          "host={} image={} could not be removed after the commit: {}",
          host.name(),
          ref,
          failure.getMessage());
    }
  }
}
