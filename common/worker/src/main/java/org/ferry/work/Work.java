package org.ferry.work;

import org.ferry.contract.OperationRequest;
import org.ferry.operation.Progress;

/** One use case's body, run by {@link OperationRunner}. */
@FunctionalInterface
public interface Work<R extends OperationRequest> {

  Outcome perform(R request, Progress progress);
}
