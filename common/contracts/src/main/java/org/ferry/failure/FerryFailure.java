package org.ferry.failure;

import java.util.Map;

/**
 * A failure of an operation that a user or operator can act on; its subtype decides whether the
 * work is retried.
 *
 * <p>Messages always read "Could not &lt;action&gt;: &lt;reason&gt;. &lt;what to do&gt;".
 */
public abstract sealed class FerryFailure extends RuntimeException
    permits PermanentFailure, TransientFailure {

  private final String reasonCode;

  FerryFailure(String action, String reason, String remedy, String reasonCode, Throwable cause) {
    super(compose(action, reason, remedy), cause);
    this.reasonCode = reasonCode;
  }

  /** A low-cardinality reason class for metrics and events, such as {@code bad-archive}. */
  public String reasonCode() {
    return reasonCode;
  }

  /**
   * Facts beside the message that a program can act on without parsing it, such as the digest a tag
   * points at now; empty for most failures.
   */
  public Map<String, String> details() {
    return Map.of();
  }

  /** {@link #reasonCode()} as a {@link Reason}. */
  public Reason reason() {
    return Reason.of(reasonCode);
  }

  static String compose(String action, String reason, String remedy) {
    var text = new StringBuilder("Could not ").append(action).append(": ").append(reason);
    if (!reason.endsWith(".")) {
      text.append('.');
    }
    if (remedy != null && !remedy.isBlank()) {
      text.append(' ').append(remedy);
    }
    return text.toString();
  }
}
