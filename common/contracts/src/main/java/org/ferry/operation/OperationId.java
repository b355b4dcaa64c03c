package org.ferry.operation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ferry.failure.InvalidValue;

/** The id of one operation, and its idempotency key across redeliveries. */
public record OperationId(String value) {

  private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public OperationId {
    if (!isValid(value)) {
      throw new InvalidValue(
          "operation id", value, "1-64 characters: letters, digits, '.', '_' and '-'");
    }
  }

  @JsonCreator
  public static OperationId of(String value) {
    return new OperationId(value);
  }

  public static boolean isValid(String value) {
    return value != null && PATTERN.matcher(value).matches();
  }

  public static OperationId random() {
    return new OperationId(UUID.randomUUID().toString());
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
