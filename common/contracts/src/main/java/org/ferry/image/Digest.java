package org.ferry.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.ferry.failure.InvalidValue;

/** A content digest, {@code sha256:<64 hex>}, as the registry reports it. */
public record Digest(String value) {

  private static final Pattern PATTERN = Pattern.compile("sha256:[a-f0-9]{64}");

  public Digest {
    if (value == null || !PATTERN.matcher(value).matches()) {
      throw new InvalidValue("digest", value, "sha256: followed by 64 lowercase hex digits");
    }
  }

  @JsonCreator
  public static Digest of(String value) {
    return new Digest(value);
  }

  /** The 64 hex digits without the algorithm prefix. */
  public String hex() {
    return value.substring("sha256:".length());
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
