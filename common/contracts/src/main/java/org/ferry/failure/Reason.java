package org.ferry.failure;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why an operation failed, as the low-cardinality class that events and metrics carry. A reader
 * takes a label it does not know (one a newer sender added) as {@link #UNKNOWN}, never as an error.
 */
public enum Reason {
  INVALID_INPUT(ReasonCodes.INVALID_INPUT),
  BAD_ARCHIVE(ReasonCodes.BAD_ARCHIVE),
  NOT_FOUND(ReasonCodes.NOT_FOUND),
  FORBIDDEN(ReasonCodes.FORBIDDEN),
  CONFLICT(ReasonCodes.CONFLICT),
  NO_SPACE(ReasonCodes.NO_SPACE),
  UNAVAILABLE(ReasonCodes.UNAVAILABLE),
  REJECTED(ReasonCodes.REJECTED),
  INTERNAL(ReasonCodes.INTERNAL),
  /** A reason this reader does not know yet. */
  UNKNOWN("unknown");

  private static final Map<String, Reason> BY_LABEL =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(Reason::label, Function.identity()));

  private final String label;

  Reason(String label) {
    this.label = label;
  }

  /** The label on the wire and in metrics, such as {@code bad-archive}. */
  @JsonValue
  public String label() {
    return label;
  }

  /** The reason with this label, or {@link #UNKNOWN} for a label this reader does not know. */
  @JsonCreator
  public static Reason of(String label) {
    return label == null ? UNKNOWN : BY_LABEL.getOrDefault(label, UNKNOWN);
  }
}
