package org.ferry.operation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a request came from. */
public enum Source {
  PAGE,
  API,
  WATCHER,
  AMQP;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Source fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
