package org.ferry.contract;

import org.ferry.operation.Source;

/** A request for work; {@code operationId} is its idempotency key. */
public sealed interface OperationRequest extends FerryMessage
    permits PushRequested, CommitRequested, ExportRequested, DeleteRequested {

  /** The user or system that asked. */
  String requestedBy();

  Source source();
}
