package org.ferry.failure;

/** A failure that may pass by itself: a daemon or registry 5xx, a timeout, a broker hiccup. */
public non-sealed class TransientFailure extends FerryFailure {

  public TransientFailure(String action, String reason, String remedy, Throwable cause) {
    super(action, reason, remedy, ReasonCodes.UNAVAILABLE, cause);
  }

  public TransientFailure(
      String action, String reason, String remedy, String reasonCode, Throwable cause) {
    super(action, reason, remedy, reasonCode, cause);
  }
}
