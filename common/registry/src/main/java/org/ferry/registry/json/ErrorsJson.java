package org.ferry.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.stream.Collectors;

/** The registry's error body, {@code {"errors":[{"code":..,"message":..}]}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorsJson(List<Error> errors) {

  /** {@code CODE: message} of every error, for a failure message. */
  public String summary() {
    return errors == null
        ? ""
        : errors.stream()
            .map(error -> error.code() + ": " + error.message())
            .collect(Collectors.joining("; "));
  }

  /** One error the registry reports. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Error(String code, String message) {}
}
