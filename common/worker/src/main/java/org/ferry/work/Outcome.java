package org.ferry.work;

import java.util.Map;

/** What a successful operation reports: the green message and its facts. */
public record Outcome(String message, Map<String, String> result) {

  public Outcome {
    result = Map.copyOf(result);
  }
}
