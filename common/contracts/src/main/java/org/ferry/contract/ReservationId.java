package org.ferry.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.ferry.failure.InvalidValue;

/**
 * The id the testbed gives a reservation, as its containers carry it in a label and users send it
 * in commit requests; the one rule for it, so that every listed reservation (such as {@code gpu@1})
 * can also be committed.
 */
public record ReservationId(String value) {

  public static final String RULE =
      "1-128 characters: letters, digits, '.', '_', ':', '@' and '-', starting with a letter or"
          + " digit";

  private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

  public ReservationId {
    if (!isValid(value)) {
      throw new InvalidValue("reservationId", value, RULE);
    }
  }

  @JsonCreator
  public static ReservationId of(String value) {
    return new ReservationId(value);
  }

  /** Whether {@code value} can be a reservation id at all; anything else is never looked up. */
  public static boolean isValid(String value) {
    return value != null && PATTERN.matcher(value).matches();
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
