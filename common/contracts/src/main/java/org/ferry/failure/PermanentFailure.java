package org.ferry.failure;

/** A failure that repeating the same request cannot fix: bad input, missing image, wrong team. */
public non-sealed class PermanentFailure extends FerryFailure {

  public PermanentFailure(String action, String reason, String remedy, String reasonCode) {
    super(action, reason, remedy, reasonCode, null);
  }

  public PermanentFailure(
      String action, String reason, String remedy, String reasonCode, Throwable cause) {
    super(action, reason, remedy, reasonCode, cause);
  }
}
