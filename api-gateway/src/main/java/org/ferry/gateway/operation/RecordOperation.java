package org.ferry.gateway.operation;

import java.time.Instant;
import java.util.Map;
import org.ferry.contract.CommitRequested;
import org.ferry.contract.DeleteRequested;
import org.ferry.contract.ExportRequested;
import org.ferry.contract.FerryMessage;
import org.ferry.contract.OperationFailed;
import org.ferry.contract.OperationProgressed;
import org.ferry.contract.OperationRequest;
import org.ferry.contract.OperationStarted;
import org.ferry.contract.OperationSucceeded;
import org.ferry.contract.PushRequested;
import org.ferry.failure.ReasonCodes;
import org.ferry.failure.TransientFailure;
import org.ferry.image.Team;
import org.ferry.operation.OperationId;
import org.ferry.operation.OperationKind;
import org.ferry.operation.OperationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;

/**
 * Applies one message from the bus to the operation store and tells the page what changed. Requests
 * and events may arrive in any order and more than once: the first terminal result wins, and
 * anything that changes nothing is not announced.
 */
@Service
public class RecordOperation {

  private static final Logger log = LoggerFactory.getLogger(RecordOperation.class);

  private final OperationStore store;
  private final OperationUpdates updates;

  RecordOperation(OperationStore store, OperationUpdates updates) {
    this.store = store;
    this.updates = updates;
  }

  /** Records a request or event of any operation. */
  public void record(FerryMessage message) {
    try {
      if (message instanceof OperationRequest request) {
        request(request);
      } else if (message instanceof OperationStarted started) {
        started(started);
      } else if (message instanceof OperationProgressed progressed) {
        progressed(progressed);
      } else if (message instanceof OperationSucceeded succeeded) {
        changed(
            succeeded.operationId(),
            known(
                    succeeded.operationId(),
                    succeeded.kind(),
                    succeeded.team(),
                    succeeded.occurredAt())
                | store.finish(
                    succeeded.operationId(),
                    OperationStatus.SUCCEEDED,
                    succeeded.message(),
                    succeeded.result(),
                    succeeded.occurredAt()));
      } else if (message instanceof OperationFailed failed) {
        fail(
            failed.operationId(),
            failed.kind(),
            failed.team(),
            failed.message(),
            failed.details(),
            failed.occurredAt());
      }
    } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
      throw new TransientFailure(
          "record an operation",
          "the operation store is unavailable",
          "The message is delivered again.",
          ReasonCodes.UNAVAILABLE,
          e);
    }
  }

  /** Records a request as QUEUED, or completes an operation first seen through its events. */
  public void request(OperationRequest request) {
    var id = request.operationId();
    var description = describe(request);
    var added =
        store.addIfAbsent(
            id,
            request.kind(),
            request.team(),
            OperationStatus.QUEUED,
            description,
            request.source().label(),
            request.requestedBy(),
            request.occurredAt());
    changed(
        id,
        added
            || store.completeRequest(
                id,
                description,
                request.source().label(),
                request.requestedBy(),
                request.occurredAt()));
  }

  /**
   * A failure seen by the gateway itself, such as a request the broker dead-lettered, or reported
   * by a worker; its details (such as {@code currentDigest}) are kept as the operation's result.
   */
  void fail(
      OperationId id,
      OperationKind kind,
      Team team,
      String message,
      Map<String, String> details,
      Instant at) {
    changed(
        id,
        known(id, kind, team, at) | store.finish(id, OperationStatus.FAILED, message, details, at));
  }

  private void started(OperationStarted started) {
    var id = started.operationId();
    changed(
        id,
        known(id, started.kind(), started.team(), started.occurredAt())
            | store.markRunning(id, started.occurredAt()));
  }

  private void progressed(OperationProgressed progressed) {
    var id = progressed.operationId();
    changed(
        id,
        known(id, progressed.kind(), progressed.team(), progressed.occurredAt())
            | store.progress(
                id,
                progressed.stage().label(),
                progressed.done(),
                progressed.total(),
                progressed.occurredAt()));
  }

  /** Makes sure an event whose request was not seen yet has a row to land in. */
  private boolean known(OperationId id, OperationKind kind, Team team, Instant at) {
    return store.addIfAbsent(id, kind, team, OperationStatus.RUNNING, null, null, null, at);
  }

  private void changed(OperationId id, boolean changed) {
    if (changed) {
      store.find(id).ifPresent(updates::publish);
    }
  }

  static String describe(OperationRequest request) {
    if (request instanceof PushRequested push) {
      return "Pushing "
          + push.file()
          + " to "
          + push.team()
          + "/"
          + push.image()
          + ":"
          + push.tag();
    }
    if (request instanceof CommitRequested commit) {
      return "Committing reservation "
          + commit.reservationId()
          + " to "
          + commit.team()
          + "/"
          + commit.image()
          + ":"
          + commit.tag();
    }
    if (request instanceof ExportRequested export) {
      return "Exporting "
          + export.sourceNamespace()
          + "/"
          + export.image()
          + ":"
          + export.tag()
          + " to "
          + "exported-images/"
          + export.exportName()
          + ".tar.gz";
    }
    var delete = (DeleteRequested) request;
    return "Deleting "
        + delete.team()
        + "/"
        + delete.image()
        + ":"
        + delete.tag()
        + (delete.allTags() ? " and the other tags on its digest" : "");
  }
}
