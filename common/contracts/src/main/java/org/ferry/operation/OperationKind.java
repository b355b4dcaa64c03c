package org.ferry.operation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The four things a team can do with its images. */
public enum OperationKind {
  PUSH,
  COMMIT,
  EXPORT,
  DELETE;

  /** The lowercase name used in routing keys, metric tags and JSON. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static OperationKind fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
