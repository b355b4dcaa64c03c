package org.ferry.registry.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A token service's answer: Docker's {@code token}, or OAuth's {@code access_token}; either one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenJson(String token, @JsonProperty("access_token") String accessToken) {

  /** The token to send, or null when the answer holds none. */
  public String bearer() {
    return token != null && !token.isBlank() ? token : accessToken;
  }
}
