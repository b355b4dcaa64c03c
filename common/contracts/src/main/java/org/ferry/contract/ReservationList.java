package org.ferry.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.ferry.image.Team;

/** The answer to a {@link ReservationQuery}: the team's active reservations. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReservationList(Team team, List<Reservation> reservations) {

  public static final String TYPE = "reservations.listed.v1";

  public ReservationList {
    reservations = reservations == null ? List.of() : List.copyOf(reservations);
  }
}
