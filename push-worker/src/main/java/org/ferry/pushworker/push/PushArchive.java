package org.ferry.pushworker.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.ferry.archive.ArchiveInspector;
import org.ferry.contract.PushRequested;
import org.ferry.failure.FerryFailure;
import org.ferry.failure.PermanentFailure;
import org.ferry.failure.ReasonCodes;
import org.ferry.image.ImageRef;
import org.ferry.image.NamespacePolicy;
import org.ferry.image.Team;
import org.ferry.metrics.FerryMeters;
import org.ferry.nas.ArchiveClaims;
import org.ferry.nas.Claim;
import org.ferry.nas.NasLayout;
import org.ferry.operation.OperationKind;
import org.ferry.operation.Progress;
import org.ferry.registry.RegistryReader;
import org.ferry.registry.VerifyPushed;
import org.ferry.work.Outcome;
import org.springframework.stereotype.Service;

/**
 * Pushes one archive from a team's {@code push-images} to {@code <registry>/<team>/<name>:<tag>}:
 * takes it out of the team's reach, checks it, hands it to the push engine, verifies the digest the
 * registry serves, and deletes it. On any failure the archive goes back untouched with an {@code
 * .error} note beside it.
 */
@Service
class PushArchive {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ArchiveClaims claims;
  private final ClaimLeases leases;
  private final ArchiveInspector inspector;
  private final PushEngine engine;
  private final RegistryReader registry;
  private final VerifyPushed verifyPushed;
  private final MeterRegistry meters;

  PushArchive(
      ArchiveClaims claims,
      ClaimLeases leases,
      ArchiveInspector inspector,
      PushEngine engine,
      RegistryReader registry,
      MeterRegistry meters) {
    this.claims = claims;
    this.leases = leases;
    this.inspector = inspector;
    this.engine = engine;
    this.registry = registry;
    this.verifyPushed = new VerifyPushed(registry);
    this.meters = meters;
  }

  /**
   * Pushes the requested archive, or answers with the stored outcome when this operation already
   * succeeded (a redelivered request).
   */
  Outcome push(PushRequested request, Progress progress) {
    var team = request.team();
    requireOwnNamespace(team, request);
    var stored = claims.completedResult(team, request.operationId());
    if (stored.isPresent()) {
      return read(stored.get());
    }
    refuseIfAbandoned(request);
    var target = new ImageRef(registry.access().address(), team, request.image(), request.tag());
    var claim = claims.claim(team, request.file(), request.operationId());
    try (var lease = leases.hold(claim)) {
      var outcome = pushClaimed(claim, target, progress);
      claims.complete(claim, write(outcome));
      return outcome;
    } catch (FerryFailure failure) {
      claims.release(claim, failure.getMessage());
      throw failure;
    } catch (RuntimeException bug) {
      claims.release(
          claim,
          "Could not push "
              + claim.file()
              + ": Ferry hit an internal error. Tell the operators the operation id "
              + request.operationId()
              + ".");
      throw bug;
    }
  }

  private Outcome pushClaimed(Claim claim, ImageRef target, Progress progress) {
    var size = sizeOf(claim);
    inspector.inspect(claim.archive(), read -> progress.report("checking", read, size));
    var pushed = engine.push(claim.archive(), target, progress);
    FerryMeters.bytesRead(meters, OperationKind.PUSH).increment(size);
    progress.report("verifying", 0, -1);
    // The registry, not the engine's word, decides whether the push happened.
    verifyPushed.verify("push " + claim.file(), target, pushed.digest());
    return new Outcome(
        "Pushed " + target + " (" + pushed.digest() + ")",
        Map.of(
            "reference", target.toString(),
            "digest", pushed.digest().value(),
            "size", Long.toString(pushed.size())));
  }

  /** A request delivered after its claim was given back must not take the archive again. */
  private void refuseIfAbandoned(PushRequested request) {
    if (claims.abandonedReason(request.team(), request.operationId()).isPresent()) {
      throw new PermanentFailure(
          "push " + request.file(),
          "no worker finished it in time, so Ferry gave the archive back to the team",
          "It is back in "
              + NasLayout.PUSH_IMAGES
              + "; touch it or delete its .error note to push"
              + " it again.",
          ReasonCodes.UNAVAILABLE);
    }
  }

  private static long sizeOf(Claim claim) {
    try {
      return Files.size(claim.archive());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireOwnNamespace(Team team, PushRequested request) {
    NamespacePolicy.requireWrite(
        team,
        team,
        "push " + request.file() + " to " + team,
        "Push to your own team's namespace; ask the operators to publish common images.");
  }

  private static String write(Outcome outcome) {
    try {
      return JSON.writeValueAsString(outcome);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An outcome could not be written as JSON", e);
    }
  }

  private static Outcome read(String stored) {
    try {
      return JSON.readValue(stored, Outcome.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored push result is not readable", e);
    }
  }
}
