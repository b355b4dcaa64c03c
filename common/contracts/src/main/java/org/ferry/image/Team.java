package org.ferry.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ferry.failure.InvalidValue;

/** A team, and with it the team's registry namespace and NAS folder; {@code common} is shared. */
public record Team(String value) {

  /** The shared namespace every team may read and no team may write. */
  public static final Team COMMON = new Team("common");

  public Team {
    if (!NameRule.accepts(value)) {
      throw new InvalidValue("team", value, NameRule.DESCRIPTION);
    }
  }

  @JsonCreator
  public static Team of(String value) {
    return new Team(value);
  }

  public boolean isCommon() {
    return COMMON.equals(this);
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
