package org.ferry.messaging;

import org.ferry.failure.TransientFailure;
import org.springframework.amqp.rabbit.listener.ConditionalRejectingErrorHandler;

/**
 * Decides what happens to a message whose listener threw: a {@link TransientFailure} (typically the
 * broker itself hiccupping while the result is published) is requeued and bounded by the queue's
 * delivery limit; anything else is dead-lettered at once, so a poison message never loops.
 */
public final class TransientFailureRequeues
    extends ConditionalRejectingErrorHandler.DefaultExceptionStrategy {

  @Override
  protected boolean isUserCauseFatal(Throwable cause) {
    return !(cause instanceof TransientFailure);
  }
}
